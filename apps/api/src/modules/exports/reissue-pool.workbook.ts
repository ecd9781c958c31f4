import type { Writable } from 'node:stream';
import { COMMON, POOL } from './export-texts.js';
import type { ColumnSpec } from './print-layout.js';
import { writeTable } from './table.workbook.js';

/** N-2.4d: the cards in the reissue pool (二次发行库), for the service points' staff. */

export interface PoolHeader {
  /** The district centre, or the whole city for the admin. */
  scopeLabel: string;
  /** The parents' next step, as the rules word it (parentGuidance). */
  guidance: string;
  helpLine: string;
  today: string;
}

export interface PoolLine {
  holderName: string;
  idNumber: string;
  cardNumber: string;
  unitName: string;
  batchNumber: string | null;
  returnedOn: string | null;
}

const COLUMNS: readonly ColumnSpec[] = [
  { header: COMMON.serial, width: 7, kind: 'center' },
  { header: COMMON.name, width: 12, kind: 'text' },
  { header: COMMON.idNumber, width: 22, kind: 'id' },
  { header: COMMON.cardNumber, width: 18, kind: 'code' },
  { header: POOL.columns.unit, width: 26, kind: 'text' },
  { header: POOL.columns.batch, width: 22, kind: 'code' },
  { header: POOL.columns.returnedOn, width: 12, kind: 'center' },
];

export function writeReissuePool(
  output: Writable,
  header: PoolHeader,
  lines: AsyncIterable<readonly PoolLine[]>,
): Promise<number> {
  return writeTable(
    output,
    {
      sheetName: POOL.sheetName,
      title: POOL.title,
      info: [
        POOL.scope(header.scopeLabel),
        POOL.guidance(header.guidance),
        header.helpLine,
        COMMON.madeOn(header.today),
      ],
      columns: COLUMNS,
      orientation: 'landscape',
    },
    lines,
    (l, n) => [n, l.holderName, l.idNumber, l.cardNumber, l.unitName, l.batchNumber, l.returnedOn],
    { total: COMMON.cardsTotal, after: [], empty: COMMON.noLines },
  );
}
