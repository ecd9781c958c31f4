import type { Writable } from 'node:stream';
import type { SignerKind } from '@sscard/rules';
import { COMMON, RECEIPT, type ReceiptCopy } from './export-texts.js';
import { type ColumnSpec, LayoutSheet } from './print-layout.js';
import { pace, workbookWriter } from './xlsx-stream.js';

/**
 * 《北京市社会保障卡发行回执单》 (N-2.3), one workbook per copy.
 *
 * Decision on the copies (联): ONE sheet per download, the copy named by a mark — in the block
 * under the title and at the top right of every printed page — chosen with `?copy=first|second`
 * (default first). The notice only speaks of the 第一联, returned to the district centre with
 * the undistributed cards after the return date (N-2.4c); the 第二联 is the unit's own. A
 * second sheet in the same file would double a 100k-line download and need a second pass over
 * the cards (a streamed sheet cannot be copied), while carbon-copy forms are separate sheets of
 * paper anyway: print the download once per copy.
 */

export interface ReceiptHeader {
  copy: ReceiptCopy;
  unitName: string;
  registrationCode: string;
  batchNumber: string;
  routeLabel: string;
  centreName: string;
  /** How the cards reached the unit (delivery / pickup), already worded. */
  handover: string;
  designatedPersonName: string | null;
  returnsOpenFrom: string;
  today: string;
}

export interface ReceiptLine {
  holderName: string;
  idNumber: string;
  cardNumber: string;
  signature: { signer: SignerKind; signerName: string; signedOn: string } | null;
}

export interface ReceiptTotals {
  cards: number;
  signedSelf: number;
  signedProxy: number;
  unsigned: number;
}

export const RECEIPT_COLUMNS: readonly ColumnSpec[] = [
  { header: COMMON.serial, width: 7, kind: 'center' },
  { header: COMMON.name, width: 12, kind: 'text' },
  { header: COMMON.idNumber, width: 22, kind: 'id' },
  { header: COMMON.cardNumber, width: 18, kind: 'code' },
  // Empty and boxed until signed: the holder or the designated person signs by hand there.
  { header: RECEIPT.columns.signature, width: 14, kind: 'signature' },
  { header: RECEIPT.columns.signer, width: 10, kind: 'center' },
  { header: RECEIPT.columns.signedOn, width: 12, kind: 'center' },
];

export async function writeReceipt(
  output: Writable,
  header: ReceiptHeader,
  lines: AsyncIterable<readonly ReceiptLine[]>,
): Promise<ReceiptTotals> {
  const copy = RECEIPT.copies[header.copy];
  const workbook = workbookWriter(output);
  const sheet = new LayoutSheet(workbook, {
    sheetName: RECEIPT.sheetName,
    title: RECEIPT.title,
    pageMark: RECEIPT.pageMark(copy.mark, copy.use),
    info: [
      RECEIPT.copyLine(copy.mark, copy.use),
      COMMON.unitLine(header.unitName, header.registrationCode),
      RECEIPT.batchLine(header.batchNumber, header.routeLabel, header.centreName),
      header.handover,
      RECEIPT.designatedPerson(header.designatedPersonName),
    ],
    columns: RECEIPT_COLUMNS,
    orientation: 'portrait',
  });
  const totals: ReceiptTotals = { cards: 0, signedSelf: 0, signedProxy: 0, unsigned: 0 };
  for await (const chunk of lines) {
    for (const line of chunk) {
      totals.cards += 1;
      const s = line.signature;
      if (s?.signer === 'self') totals.signedSelf += 1;
      else if (s?.signer === 'proxy') totals.signedProxy += 1;
      else totals.unsigned += 1;
      sheet.addLine([
        totals.cards,
        line.holderName,
        line.idNumber,
        line.cardNumber,
        s ? s.signerName : null,
        s ? RECEIPT.signer[s.signer] : null,
        s ? s.signedOn : null,
      ]);
    }
    await pace(output);
  }
  const signed = totals.signedSelf + totals.signedProxy;
  sheet.addTotal(
    RECEIPT.totals(totals.cards, signed, totals.signedSelf, totals.signedProxy, totals.unsigned),
  );
  sheet.addNote(RECEIPT.returnNote(header.returnsOpenFrom));
  sheet.addNote(COMMON.signHere(RECEIPT.clerk));
  sheet.addNote(COMMON.madeOn(header.today));
  sheet.commit();
  await workbook.commit();
  return totals;
}
