import type { Writable } from 'node:stream';
import { COMMON, DELIVERY, PICKUP } from './export-texts.js';
import type { ColumnSpec } from './print-layout.js';
import { writeTable } from './table.workbook.js';

/**
 * The card list that travels with a batch: the vendor's delivery manifest (N-2.2a) or the
 * district centre's pickup notice (N-2.2b). Same table, different header and sign-off block.
 */

export interface BatchListHeader {
  unitName: string;
  registrationCode: string;
  batchNumber: string;
  cardCount: number;
  today: string;
}

export type BatchListKind =
  | {
      kind: 'delivery_manifest';
      receiver: { name: string; phone: string } | null;
      /** Where the vendor delivered, once it has (a label). */
      deliveredTo: string | null;
    }
  | {
      kind: 'pickup_notice';
      place: string | null;
      deadline: string | null;
      /** The credentials the unit must bring, worded by the rules (N-2.2b). */
      credentials: readonly string[];
    };

export interface BatchListLine {
  holderName: string;
  idNumber: string;
  cardNumber: string;
}

function columns(check: string): ColumnSpec[] {
  return [
    { header: COMMON.serial, width: 7, kind: 'center' },
    { header: COMMON.name, width: 14, kind: 'text' },
    { header: COMMON.idNumber, width: 24, kind: 'id' },
    { header: COMMON.cardNumber, width: 20, kind: 'code' },
    { header: check, width: 12, kind: 'signature' },
  ];
}

function infoLines(header: BatchListHeader, list: BatchListKind): string[] {
  const common = [
    COMMON.unitLine(header.unitName, header.registrationCode),
    COMMON.batchLine(header.batchNumber, header.cardCount),
  ];
  if (list.kind === 'delivery_manifest') {
    return [
      DELIVERY.intro,
      ...common,
      list.receiver
        ? DELIVERY.receiver(list.receiver.name, list.receiver.phone)
        : DELIVERY.noReceiver,
      DELIVERY.destination(list.deliveredTo),
    ];
  }
  return [
    PICKUP.intro,
    ...common,
    PICKUP.place(list.place ?? PICKUP.notSet),
    PICKUP.deadline(list.deadline ?? PICKUP.notSet),
    PICKUP.credentials(list.credentials.join(PICKUP.credentialJoin)),
  ];
}

export function writeBatchCardList(
  output: Writable,
  header: BatchListHeader,
  list: BatchListKind,
  lines: AsyncIterable<readonly BatchListLine[]>,
): Promise<number> {
  const texts = list.kind === 'delivery_manifest' ? DELIVERY : PICKUP;
  return writeTable(
    output,
    {
      sheetName: texts.sheetName,
      title: texts.title,
      info: infoLines(header, list),
      columns: columns(texts.checkColumn),
      orientation: 'portrait',
    },
    lines,
    (line, n) => [n, line.holderName, line.idNumber, line.cardNumber, null],
    {
      total: COMMON.cardsTotal,
      after: [...texts.signers.map((who) => COMMON.signHere(who)), COMMON.madeOn(header.today)],
      empty: COMMON.noLines,
    },
  );
}
