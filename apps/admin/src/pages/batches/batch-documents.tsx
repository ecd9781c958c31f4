import { Space } from 'antd';
import type { BatchView } from '../../api/contract.js';
import { districtExports } from '../../api/district-endpoints.js';
import { XlsxButton } from './xlsx-button.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface Props {
  batch: Pick<BatchView, 'id' | 'route'>;
  size?: 'small' | 'middle';
  /** The receipt's two copies (the first goes back with returned cards, N-2.4c). */
  receiptCopies?: boolean;
  /** Link-style buttons, for a table row. */
  link?: boolean;
}

/**
 * The printable documents of a batch: the vendor's delivery manifest for a direct-delivery
 * batch (N-2.2a) or the unit's pickup notice (N-2.2b) — the route the API gave decides which —
 * and the receipt 回执单 (N-2.3).
 */
export function BatchDocuments({
  batch,
  size = 'small',
  receiptCopies = false,
  link = false,
}: Props) {
  const { t } = useI18n();
  const texts = t.distribution.batches;
  return (
    // In a table row (link style) the documents stack, so the column stays narrow.
    <Space wrap size={link ? 0 : 'small'} orientation={link ? 'vertical' : 'horizontal'}>
      {batch.route === 'direct_delivery' ? (
        <XlsxButton
          size={size}
          link={link}
          load={districtExports.deliveryManifest(batch.id)}
          label={texts.deliveryManifest}
        />
      ) : (
        <XlsxButton
          size={size}
          link={link}
          load={districtExports.pickupNotice(batch.id)}
          label={texts.pickupNotice}
        />
      )}
      {receiptCopies ? (
        <>
          <XlsxButton
            size={size}
            link={link}
            load={districtExports.receipt(batch.id, 'first')}
            label={texts.receiptFirst}
          />
          <XlsxButton
            size={size}
            link={link}
            load={districtExports.receipt(batch.id, 'second')}
            label={texts.receiptSecond}
          />
        </>
      ) : (
        <XlsxButton
          size={size}
          link={link}
          load={districtExports.receipt(batch.id)}
          label={texts.receipt}
        />
      )}
    </Space>
  );
}
