import type { XlsxLoad } from '../../api/district-endpoints.js';
import { DownloadButton } from '../../components/download-button.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  load: XlsxLoad;
  /** What the document is ("送达清单"); the button reads "送达清单（.xlsx）". */
  label: string;
  size?: 'small' | 'middle';
  /** Link style, for a table row with several documents. */
  link?: boolean;
}

/** One click to an Excel export (the printable A4 document); a refusal shows its clause. */
export function XlsxButton({ load, label, size = 'middle', link = false }: Props) {
  const { t } = useI18n();
  return (
    <DownloadButton
      load={load}
      fallbackName={`${label}.xlsx`}
      size={size}
      {...(link ? { type: 'link' as const, style: { paddingInline: 0 } } : {})}
    >
      {t.distribution.download.xlsx(label)}
    </DownloadButton>
  );
}
