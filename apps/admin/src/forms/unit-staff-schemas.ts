import { returnSchema, signatureSchema, text } from '@sscard/rules';
import { z } from 'zod';

/**
 * N-2.3: the API's signing body (apps/api receipts.dto signBody), composed from the same shared
 * schema, so the form says what the API would. The date is the business date unless changed.
 */
export const signFormSchema = signatureSchema;
export type SignBody = z.output<typeof signatureSchema>;

/** N-2.3 for a whole class at once: one line per card; the date applies to all. */
export interface BulkSignBody {
  signatures: { cardId: string; signer: SignBody['signer']; signerName: string }[];
  signedOn?: string;
}

/** The bulk form: who signs for the selected cards (each holder, or the designated person). */
export const bulkSignFormSchema = z.object({
  signer: signatureSchema.shape.signer,
  /** Only read for a proxy signature: the designated person's name. */
  signerName: text('签字人姓名', 'Signer name').optional(),
  signedOn: signatureSchema.shape.signedOn,
});
export type BulkSignForm = z.input<typeof bulkSignFormSchema>;

/** N-2.4c: the return with the receipt's first copy; the API's returnBody. */
export const returnFormSchema = returnSchema.pick({ returnedOn: true, firstCopyReturned: true });
export type ReturnBody = z.output<typeof returnSchema>;
