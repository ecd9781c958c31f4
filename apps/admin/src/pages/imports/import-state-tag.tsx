import { IMPORT_SHEETS, type ImportKind } from '@sscard/rules';
import { Tag } from 'antd';
import type { ImportState } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { STATE_COLOURS } from './import-kinds.js';

export function ImportStateTag({ state }: { state: ImportState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="import-state">
      {t.imports.states[state]}
    </Tag>
  );
}

/** A kind by its sheet's title (参保人员花名册, …), the name the users know it by. */
export function useKindTitle(): (kind: ImportKind) => string {
  const { label } = useI18n();
  return (kind) => label({ zh: IMPORT_SHEETS[kind].titleZh, en: IMPORT_SHEETS[kind].titleEn });
}
