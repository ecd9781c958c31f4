import { bulkSignRequestSchema, type SignerKind, signRequestSchema } from '@sscard/rules';
import type { z } from 'zod';

/** N-2.3, one card or a whole class: the rules' request schemas, shared with the admin. */
export const signBody = signRequestSchema;
export type SignBody = z.output<typeof signBody>;
export const bulkSignBody = bulkSignRequestSchema;
export type BulkSignBody = z.output<typeof bulkSignBody>;

export interface ReceiptSignature {
  signer: SignerKind;
  signerName: string;
  signedOn: string;
}

/** One line of 《北京市社会保障卡发行回执单》: the holder signs here, or the designated person. */
export interface ReceiptLine {
  cardId: string;
  cardNumber: string | null;
  holderName: string;
  idNumberMasked: string;
  state: string;
  signature: ReceiptSignature | null;
}

export interface ReceiptView {
  title: string;
  clause: 'N-2.3';
  district: { id: string; centreName: string };
  unit: { id: string; name: string; registrationCode: string; designatedPersonName: string | null };
  batch: { id: string; number: string; route: string; state: string };
  lines: ReceiptLine[];
  totals: { cards: number; signedSelf: number; signedProxy: number; unsigned: number };
}

export interface SignatureView {
  cardId: string;
  batchId: string;
  cardNumber: string | null;
  holderName: string;
  idNumberMasked: string;
  state: string;
  signer: SignerKind;
  signerName: string;
  signedOn: string;
  recordedBy: string;
  recordedAt: string;
}
