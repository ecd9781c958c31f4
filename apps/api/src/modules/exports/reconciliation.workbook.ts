import type { Writable } from 'node:stream';
import { CARD_STATE_LABELS, type CardState } from '@sscard/rules';
import { COMMON, RECONCILIATION as R } from './export-texts.js';
import { type ColumnSpec, LayoutSheet } from './print-layout.js';
import { pace, workbookWriter } from './xlsx-stream.js';

/**
 * N-2.4c per unit: sheet 1 "对账汇总" — per received batch, received = signed + returned
 * (+ still at the unit), the differences and the verdict; sheet 2 "差异明细" — every card the
 * rules flag (neither signed nor returned, or both), card by card. The totals come from the
 * rules (reconcileReceipt) in the service; this file only lays them out.
 */

export interface ReconciliationHeader {
  unitName: string;
  registrationCode: string;
  today: string;
}

export interface BatchReconciliation {
  number: string;
  stateLabel: string;
  returnedOn: string | null;
  received: number;
  signed: number;
  returned: number;
  atUnit: number;
  differences: number;
  balanced: boolean;
}

export interface DifferenceLine {
  batchNumber: string;
  holderName: string;
  idNumber: string;
  cardNumber: string;
  state: CardState;
  signed: boolean;
  returned: boolean;
  status: 'neither' | 'both';
}

const C = R.columns;

const SUMMARY_COLUMNS: readonly ColumnSpec[] = [
  { header: COMMON.batchNumber, width: 24, kind: 'code' },
  { header: C.state, width: 18, kind: 'text' },
  { header: C.returnedOn, width: 12, kind: 'center' },
  { header: C.received, width: 8, kind: 'number' },
  { header: C.signed, width: 8, kind: 'number' },
  { header: C.returned, width: 8, kind: 'number' },
  { header: C.atUnit, width: 9, kind: 'number' },
  { header: C.differences, width: 8, kind: 'number' },
  { header: C.result, width: 10, kind: 'center' },
];

const DETAIL_COLUMNS: readonly ColumnSpec[] = [
  { header: COMMON.serial, width: 7, kind: 'center' },
  { header: COMMON.batchNumber, width: 22, kind: 'code' },
  { header: COMMON.name, width: 12, kind: 'text' },
  { header: COMMON.idNumber, width: 22, kind: 'id' },
  { header: COMMON.cardNumber, width: 18, kind: 'code' },
  { header: C.cardState, width: 16, kind: 'text' },
  { header: C.signed, width: 8, kind: 'center' },
  { header: C.returned, width: 8, kind: 'center' },
  { header: C.explanation, width: 30, kind: 'text' },
];

const yesNo = (b: boolean) => (b ? COMMON.yes : COMMON.no);

function explain(line: DifferenceLine): string {
  if (line.status === 'both') return R.both;
  return line.state === 'at_unit' ? R.neitherAtUnit : R.neither;
}

export async function writeReconciliation(
  output: Writable,
  header: ReconciliationHeader,
  batches: readonly BatchReconciliation[],
  differences: AsyncIterable<readonly DifferenceLine[]>,
): Promise<void> {
  const workbook = workbookWriter(output);
  const info = [
    COMMON.unitLine(header.unitName, header.registrationCode),
    R.rule,
    COMMON.madeOn(header.today),
  ];
  const summary = new LayoutSheet(workbook, {
    sheetName: R.summarySheet,
    title: R.title,
    info,
    columns: SUMMARY_COLUMNS,
    orientation: 'landscape',
  });
  const sum = { received: 0, signed: 0, returned: 0, atUnit: 0, differences: 0 };
  for (const b of batches) {
    summary.addLine([
      b.number,
      b.stateLabel,
      b.returnedOn,
      b.received,
      b.signed,
      b.returned,
      b.atUnit,
      b.differences,
      b.balanced ? R.balanced : R.unbalanced,
    ]);
    sum.received += b.received;
    sum.signed += b.signed;
    sum.returned += b.returned;
    sum.atUnit += b.atUnit;
    sum.differences += b.differences;
  }
  if (batches.length === 0) summary.addNote(R.noBatches);
  summary.addLine([
    R.total,
    null,
    null,
    sum.received,
    sum.signed,
    sum.returned,
    sum.atUnit,
    sum.differences,
    batches.every((b) => b.balanced) ? R.balanced : R.unbalanced,
  ]);
  // A streamed sheet must be finished before the next one starts, or its rows pile up in memory.
  summary.commit();

  const detail = new LayoutSheet(workbook, {
    sheetName: R.detailSheet,
    title: R.detailTitle,
    info,
    columns: DETAIL_COLUMNS,
    orientation: 'landscape',
  });
  let n = 0;
  for await (const chunk of differences) {
    for (const line of chunk) {
      n += 1;
      detail.addLine([
        n,
        line.batchNumber,
        line.holderName,
        line.idNumber,
        line.cardNumber,
        CARD_STATE_LABELS[line.state].zh,
        yesNo(line.signed),
        yesNo(line.returned),
        explain(line),
      ]);
    }
    await pace(output);
  }
  if (n === 0) detail.addNote(COMMON.noLines);
  detail.commit();
  await workbook.commit();
}
