import { BULK_SIGN_MAX, bi, signatureSchema, type SignerKind } from '@sscard/rules';
import { z } from 'zod';
import { uuidText } from '../../common/validation/uuid-text.js';

/** N-2.3: one signature; signedOn defaults to today (checked against the business date). */
export const signBody = signatureSchema.extend({
  signedOn: signatureSchema.shape.signedOn.optional(),
});
export type SignBody = z.output<typeof signBody>;

/** N-2.3 for a whole class at once: all lines are signed, or none. */
export const bulkSignBody = z.object({
  signatures: z
    .array(
      signatureSchema.pick({ signer: true, signerName: true }).extend({
        cardId: uuidText('社保卡', 'Card'),
      }),
      { error: bi('签收记录必须是列表', 'Signatures must be a list') },
    )
    .min(1, bi('至少签收一张社保卡', 'Sign for at least one card'))
    .max(
      BULK_SIGN_MAX,
      bi(`一次最多签收${BULK_SIGN_MAX}张`, `At most ${BULK_SIGN_MAX} cards at once`),
    )
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((l, i) => {
        if (seen.has(l.cardId)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'cardId'],
            message: bi('同一张社保卡重复出现', 'The same card is listed twice'),
          });
        }
        seen.add(l.cardId);
      });
    }),
  signedOn: signatureSchema.shape.signedOn.optional(),
});
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
