import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';
import {
  BULK_SIGN_MAX,
  deliverySchema,
  pickupNoticeSchema,
  pickupSchema,
  returnSchema,
  signatureSchema,
} from './card.schema.js';
import { phone, text } from './fields.js';
import { reportRepeats, uuidText } from './id-text.js';

/**
 * The request bodies of the card distribution (N-2.2 – N-2.4): the API validates each request
 * with these, and the admin's forms and client are typed and checked by the same schemas.
 * Event dates are optional in a request: the API takes its business date when one is missing.
 */

/** N-2.2b: the pickup notice's place and deadline, for every pickup batch of the dispatch. */
export const dispatchRequestSchema = z.object({
  pickupPlace: pickupNoticeSchema.shape.place,
  pickupDeadline: pickupNoticeSchema.shape.deadline,
  /** Only the system admin names the district; district staff dispatch their own. */
  districtId: text('区县', 'District', 20).optional(),
});
export type DispatchRequest = z.output<typeof dispatchRequestSchema>;

/** N-2.2a: the person the unit names to receive the vendor's delivery. */
export const receiverRequestSchema = z.object({
  name: text('接收人姓名', 'Receiver name'),
  phone,
});
export type ReceiverRequest = z.output<typeof receiverRequestSchema>;

/** N-2.2a: where the vendor delivered a batch, and when. */
export const deliveryRequestSchema = deliverySchema;
export type DeliveryRequest = z.output<typeof deliveryRequestSchema>;

/** N-2.2b: a pickup with the credential the unit brought. */
export const pickupRequestSchema = pickupSchema.extend({
  pickedUpOn: pickupSchema.shape.pickedUpOn.optional(),
});
export type PickupRequest = z.output<typeof pickupRequestSchema>;

/** N-2.3: one signature on the receipt; checked against the business date by the API. */
export const signRequestSchema = signatureSchema.extend({
  signedOn: signatureSchema.shape.signedOn.optional(),
});
export type SignRequest = z.output<typeof signRequestSchema>;

/** N-2.3 for a whole class at once: all lines are signed, or none. */
export const bulkSignRequestSchema = z.object({
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
    .superRefine((lines, ctx) =>
      reportRepeats(
        lines.map((l) => l.cardId),
        ctx,
        (i) => [i, 'cardId'],
      ),
    ),
  signedOn: signatureSchema.shape.signedOn.optional(),
});
export type BulkSignRequest = z.output<typeof bulkSignRequestSchema>;

/** N-2.4c: the most cards one return may carry. */
export const RETURN_MAX = 5000;

/** N-2.4c: undistributed cards back to the district centre with the receipt's first copy. */
export const returnRequestSchema = returnSchema.extend({
  returnedOn: returnSchema.shape.returnedOn.optional(),
  cardIds: z
    .array(uuidText('社保卡', 'Card'), {
      error: bi('退回的社保卡必须是列表', 'Returned cards must be a list'),
    })
    .min(1, bi('至少退回一张社保卡', 'Return at least one card'))
    .max(RETURN_MAX, bi(`一次最多退回${RETURN_MAX}张`, `At most ${RETURN_MAX} cards at once`))
    .superRefine((ids, ctx) => reportRepeats(ids, ctx, (i) => [i])),
});
export type ReturnRequest = z.output<typeof returnRequestSchema>;
