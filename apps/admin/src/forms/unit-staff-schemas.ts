import { returnRequestSchema, signatureSchema, signRequestSchema, text } from '@sscard/rules';
import { z } from 'zod';

/**
 * N-2.3: the signing form checks with the API's own request schema (signRequestSchema of the
 * rules), so it says what the API would; the form always sends a date (the business date).
 */
export const signFormSchema = signRequestSchema.required({ signedOn: true });
export type SignForm = z.output<typeof signFormSchema>;

/**
 * The bulk form: who signs for the selected cards (each holder, or the designated person). The
 * body it builds is checked by the API's bulkSignRequestSchema before it is sent.
 */
export const bulkSignFormSchema = z.object({
  signer: signatureSchema.shape.signer,
  /** Only read for a proxy signature: the designated person's name. */
  signerName: text('签字人姓名', 'Signer name').optional(),
  signedOn: signatureSchema.shape.signedOn,
});
export type BulkSignForm = z.input<typeof bulkSignFormSchema>;

/** N-2.4c: the return form's own fields of the API's returnRequestSchema (the ids are given). */
export const returnFormSchema = returnRequestSchema
  .pick({ returnedOn: true, firstCopyReturned: true })
  .required({ returnedOn: true });
