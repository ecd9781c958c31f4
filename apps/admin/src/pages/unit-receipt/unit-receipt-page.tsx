import { PrinterOutlined } from '@ant-design/icons';
import { SIGNER_KIND_LABELS } from '@sscard/rules';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space, Typography } from 'antd';
import type { BatchView, ReceiptView } from '../../api/contract.js';
import { districtApi, districtExports } from '../../api/district-endpoints.js';
import { DownloadButton } from '../../components/download-button.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BatchPicker, useSelectedBatch, useUnitBatches } from '../unit-cards/unit-batches.js';
import './receipt-print.css';

/**
 * N-2.3: 《北京市社会保障卡发行回执单》 of a batch. The Excel export is the document to print and
 * hand back (第一联, N-2.4c); the on-screen sheet prints on A4 too (receipt-print.css).
 */
export function UnitReceiptPage() {
  const { t } = useI18n();
  const batches = useUnitBatches();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title no-print">
        {t.unitStaff.receipt.title}
      </Typography.Title>
      <QueryState query={batches}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={t.unitStaff.batch.none} />
          ) : (
            <BatchReceipt batches={page.items} />
          )
        }
      </QueryState>
    </Space>
  );
}

function BatchReceipt({ batches }: { batches: readonly BatchView[] }) {
  const { t } = useI18n();
  const r = t.unitStaff.receipt;
  const { selected, select } = useSelectedBatch(batches);
  const batchId = selected?.id ?? '';
  const receipt = useQuery({
    queryKey: ['receipt', batchId],
    queryFn: ({ signal }) => districtApi.receipt(batchId, { signal }),
    enabled: batchId !== '',
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <BatchPicker batches={batches} selected={selected} onSelect={select} />
      <Space wrap className="no-print">
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
        >
          {r.print}
        </Button>
        <DownloadButton
          load={districtExports.receipt(batchId, 'first')}
          fallbackName={`${r.fileName}-1.xlsx`}
          disabled={!batchId}
        >
          {r.downloadFirst}
        </DownloadButton>
        <DownloadButton
          load={districtExports.receipt(batchId, 'second')}
          fallbackName={`${r.fileName}-2.xlsx`}
          disabled={!batchId}
        >
          {r.downloadSecond}
        </DownloadButton>
      </Space>
      <Typography.Text type="secondary" className="no-print">
        {r.printHint}
      </Typography.Text>
      <QueryState query={receipt}>{(data) => <ReceiptSheet receipt={data} />}</QueryState>
    </Space>
  );
}

/** The receipt as the paper form: the unit's particulars, one line per card, the totals. */
export function ReceiptSheet({ receipt }: { receipt: ReceiptView }) {
  const { t, label } = useI18n();
  const r = t.unitStaff.receipt;
  const c = r.columns;
  return (
    <article className="receipt-sheet" aria-labelledby="receipt-title">
      <h2 id="receipt-title" className="receipt-title">
        {receipt.title}
      </h2>
      <dl className="receipt-meta">
        <div>
          <dt>{r.centre}</dt>
          <dd>{receipt.district.centreName}</dd>
        </div>
        <div>
          <dt>{r.unit}</dt>
          <dd>{receipt.unit.name}</dd>
        </div>
        <div>
          <dt>{r.registrationCode}</dt>
          <dd>{receipt.unit.registrationCode}</dd>
        </div>
        <div>
          <dt>{r.batch}</dt>
          <dd>{receipt.batch.number}</dd>
        </div>
        <div>
          <dt>{r.designatedPerson}</dt>
          <dd>{receipt.unit.designatedPersonName ?? t.common.none}</dd>
        </div>
      </dl>
      <table className="receipt-table">
        <thead>
          <tr>
            <th scope="col">{c.seq}</th>
            <th scope="col">{c.cardNumber}</th>
            <th scope="col">{c.holderName}</th>
            <th scope="col">{c.idNumber}</th>
            <th scope="col">{c.signer}</th>
            <th scope="col">{c.signerName}</th>
            <th scope="col">{c.signedOn}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line, i) => (
            <tr key={line.cardId}>
              <td>{i + 1}</td>
              <td>{line.cardNumber ?? t.common.none}</td>
              <td>{line.holderName}</td>
              <td>{line.idNumberMasked}</td>
              <td>
                {line.signature ? label(SIGNER_KIND_LABELS[line.signature.signer]) : r.unsigned}
              </td>
              <td>{line.signature?.signerName ?? ''}</td>
              <td>{line.signature?.signedOn ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="receipt-totals-line">{r.totals(receipt.totals)}</p>
      <div className="receipt-signoff">
        <span>{r.handledBy}</span>
        <span>{r.date}</span>
      </div>
      <p className="receipt-clause">{r.clause(receipt.clause)}</p>
    </article>
  );
}
