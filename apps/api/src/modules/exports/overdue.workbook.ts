import type { Writable } from 'node:stream';
import { COMMON, OVERDUE } from './export-texts.js';
import type { ColumnSpec } from './print-layout.js';
import { writeTable } from './table.workbook.js';

/**
 * N-3: the overdue lists, per deadline — batches not collected by their pickup deadline
 * (N-2.2b), or units still holding cards after the parents' collection deadline (N-2.4b).
 */

export type OverdueKind = 'pickup' | 'collection';

export interface OverdueHeader {
  kind: OverdueKind;
  today: string;
  /** The one deadline of the list (collection); pickup deadlines are per line. */
  deadline: string | null;
}

export interface OverdueLine {
  unitName: string;
  registrationCode: string;
  /** Pickup lists: the batch not collected. */
  batchNumber: string | null;
  deadline: string;
  cardCount: number;
}

function columns(kind: OverdueKind): ColumnSpec[] {
  return [
    { header: COMMON.serial, width: 7, kind: 'center' },
    { header: COMMON.unitName, width: 30, kind: 'text' },
    { header: COMMON.registrationCode, width: 20, kind: 'code' },
    ...(kind === 'pickup'
      ? [{ header: COMMON.batchNumber, width: 24, kind: 'code' } as const]
      : []),
    { header: OVERDUE[kind].deadline, width: 14, kind: 'center' },
    { header: COMMON.cardCount, width: 9, kind: 'number' },
  ];
}

export async function writeOverdue(
  output: Writable,
  header: OverdueHeader,
  lines: AsyncIterable<readonly OverdueLine[]>,
): Promise<number> {
  const texts = OVERDUE[header.kind];
  let cards = 0;
  async function* tallied(): AsyncGenerator<readonly OverdueLine[]> {
    for await (const chunk of lines) {
      for (const l of chunk) cards += l.cardCount;
      yield chunk;
    }
  }
  return writeTable(
    output,
    {
      sheetName: texts.sheetName,
      title: texts.title,
      info: [texts.rule, OVERDUE.asOf(header.today, header.deadline)],
      columns: columns(header.kind),
      orientation: 'portrait',
    },
    tallied(),
    (l, n) =>
      header.kind === 'pickup'
        ? [n, l.unitName, l.registrationCode, l.batchNumber, l.deadline, l.cardCount]
        : [n, l.unitName, l.registrationCode, l.deadline, l.cardCount],
    { total: () => COMMON.cardsTotal(cards), after: [], empty: COMMON.noLines },
  );
}
