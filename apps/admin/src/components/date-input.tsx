import { Input, type InputProps } from 'antd';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * A calendar date typed as YYYY-MM-DD (what the shared schemas check), with the format shown in
 * the interface language. Form.Item passes value, onChange and id through.
 */
export function DateInput(props: Omit<InputProps, 'placeholder'>) {
  const { t } = useI18n();
  return (
    <Input
      placeholder={t.common.datePlaceholder}
      inputMode="numeric"
      maxLength={10}
      autoComplete="off"
      style={{ width: 160 }}
      {...props}
    />
  );
}
