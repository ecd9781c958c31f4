import { Segmented } from 'antd';
import { type Lang, useI18n } from '../i18n/i18n-context.js';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t.language.label}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh-CN', label: <span lang="zh-CN">{t.language.zh}</span> },
        { value: 'en', label: <span lang="en">{t.language.en}</span> },
      ]}
    />
  );
}
