import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';
import { PICKUP_CREDENTIAL_KINDS } from '../batches/route-batch.js';
import { REISSUE_DOCUMENT_KINDS, SIGNER_KINDS } from '../cards/card-events.js';
import { CARD_STATES } from '../cards/card-states.js';
import { registrationCode } from './unit.schema.js';
import {
  calendarDate,
  checkIdNumber,
  idKind,
  idNumberText,
  oneOf,
  optionalText,
  text,
  wholeNumber,
  whenFieldsValid,
} from './fields.js';

export const cardNumber = z
  .string({ error: bi('社保卡卡号必须是文本', 'Card number must be text') })
  .transform((v) => v.replace(/\s/g, '').toUpperCase())
  .refine(
    (v) => /^[0-9A-Z]{6,32}$/.test(v),
    bi('社保卡卡号应为6-32位字母或数字', 'Card number must be 6–32 letters or digits'),
  );

/** A card as the vendor reports it: made, or not made because of a data problem (N-2.6). */
export const vendorCardSchema = z
  .object({
    cardNumber: cardNumber.optional(),
    holderName: text('姓名', 'Name'),
    idKind,
    idNumber: idNumberText,
    madeForUnitCode: registrationCode,
    state: oneOf(['made', 'not_made_data_problem'] as const, '制卡状态', 'Card state'),
    problem: optionalText('问题说明', 'Problem', 200),
  })
  .superRefine(
    (c, ctx) => checkIdNumber(ctx, c.idKind, c.idNumber),
    whenFieldsValid('idKind', 'idNumber'),
  )
  .superRefine(
    (c, ctx) => {
      if (c.state === 'made' && c.cardNumber === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['cardNumber'],
          message: bi('已制卡须有卡号', 'A made card needs its number'),
        });
      }
      if (c.state === 'not_made_data_problem' && c.problem === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['problem'],
          message: bi('未制卡须说明信息问题', 'Say what the data problem is'),
        });
      }
    },
    whenFieldsValid('state', 'cardNumber', 'problem'),
  );
export type VendorCard = z.output<typeof vendorCardSchema>;

export const cardStateSchema = oneOf(CARD_STATES, '社保卡状态', 'Card state');

/** N-2.2a/b: the district groups a unit's made cards into one batch. */
export const batchSchema = z.object({
  unitId: text('单位', 'Unit', 64),
  eligibleCount: wholeNumber('符合制卡条件人数', 'Card-eligible count'),
});

/** N-2.2b: a pickup notice's place and deadline. */
export const pickupNoticeSchema = z.object({
  place: text('领取地点', 'Pickup place', 200),
  deadline: calendarDate('领取期限', 'Pickup deadline'),
});

/** N-2.2a: where the vendor delivered a batch; the date defaults to today, like every event date. */
export const deliverySchema = z.object({
  destination: oneOf(['unit', 'district_centre'] as const, '送达地点', 'Destination'),
  deliveredOn: calendarDate('送达日期', 'Delivery date').optional(),
});
export type Delivery = z.output<typeof deliverySchema>;

/** N-2.2b: recording a pickup with the credential the unit brought. */
export const pickupSchema = z.object({
  credentialKind: oneOf(PICKUP_CREDENTIAL_KINDS, '凭证类型', 'Credential kind'),
  credentialCode: z
    .string({ error: bi('凭证上的登记证编码必须是文本', 'Credential code must be text') })
    .trim()
    .min(1, bi('须填写凭证上的社会保险登记证编码', "Enter the credential's registration code")),
  collectorName: text('领取人姓名', 'Collector name'),
  pickedUpOn: calendarDate('领取日期', 'Pickup date'),
});

/** N-2.3: one signature on the receipt, by the holder or the unit's designated person. */
export const signatureSchema = z.object({
  signer: oneOf(SIGNER_KINDS, '签字方式', 'Signer kind'),
  signerName: text('签字人姓名', 'Signer name'),
  signedOn: calendarDate('签收日期', 'Signing date'),
});
export type Signature = z.output<typeof signatureSchema>;

/** N-2.3: the most cards one bulk signing (a whole class at once) may carry. */
export const BULK_SIGN_MAX = 2000;

/** N-2.4c: the unit returns undistributed cards with the receipt's first copy. */
export const returnSchema = z.object({
  returnedOn: calendarDate('退回日期', 'Return date'),
  firstCopyReturned: z.literal(true, {
    error: bi('须同时交回回执单第一联', "The receipt's first copy must be returned"),
  }),
  cardIds: z
    .array(text('社保卡', 'Card', 64))
    .min(1, bi('至少退回一张社保卡', 'Return at least one card')),
});

/** N-2.4d: a parent's reissue application at a street office's service point. */
export const reissueApplicationSchema = z
  .object({
    holderName: text('参保人姓名', 'Holder name'),
    idKind,
    idNumber: idNumberText,
    applicantName: text('申请人姓名', 'Applicant name'),
    holderDocument: oneOf(REISSUE_DOCUMENT_KINDS, '参保人证件', "Holder's document"),
    applicantDocument: oneOf(REISSUE_DOCUMENT_KINDS, '申请人证件', "Applicant's document"),
    servicePointId: text('服务网点', 'Service point', 64),
    appliedOn: calendarDate('申请日期', 'Application date'),
  })
  .superRefine(
    (r, ctx) => checkIdNumber(ctx, r.idKind, r.idNumber),
    whenFieldsValid('idKind', 'idNumber'),
  );
export type ReissueApplication = z.output<typeof reissueApplicationSchema>;
