import {
  bi,
  calendarDate,
  institutionChoiceSchema,
  type StudentInstitutionsInput,
  type StudentPaymentInput,
  studentPaymentSchema,
} from '@sscard/rules';
import { z } from 'zod';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The payment form: the channel, and when the student paid (Beijing date and time). Both left
 * empty means "now" (the API's clock); one without the other is a mistake. What it sends is
 * the shared body (studentPaymentSchema of @sscard/rules); only the date/time split is the form's.
 */
export const paymentFormSchema = z
  .object({
    channel: studentPaymentSchema.shape.channel,
    paidDate: z.union([z.literal(''), calendarDate('缴费日期', 'Payment date')]).optional(),
    paidTime: z
      .union([
        z.literal(''),
        z.string().regex(CLOCK, bi('缴费时间应为 HH:MM', 'Payment time must be HH:MM')),
      ])
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.paidDate) !== Boolean(v.paidTime)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.paidDate ? 'paidTime' : 'paidDate'],
        message: bi(
          '缴费日期和时间须同时填写（或都不填，按当前时间）',
          'Give both the payment date and time (or neither, for now)',
        ),
      });
    }
  });
export type PaymentForm = z.input<typeof paymentFormSchema>;

/** The body the form sends: Beijing wall-clock time with its +08:00 offset, as the guide states. */
export function paymentBody(values: z.output<typeof paymentFormSchema>): StudentPaymentInput {
  return studentPaymentSchema.parse(
    values.paidDate && values.paidTime
      ? { channel: values.channel, paidAt: `${values.paidDate}T${values.paidTime}:00+08:00` }
      : { channel: values.channel },
  );
}

/**
 * S-3.1: the institutions form keeps the personal choices and the common ones apart (only the
 * personal ones count towards the 3); each choice is the shared institutionChoiceSchema.
 */
export const institutionsFormSchema = z.object({
  personal: z.array(institutionChoiceSchema),
  common: z.array(institutionChoiceSchema),
});
export type InstitutionsForm = z.input<typeof institutionsFormSchema>;

/** The shared body (studentInstitutionsSchema): the personal choices first, then the common. */
export function institutionsBody(
  values: z.output<typeof institutionsFormSchema>,
): StudentInstitutionsInput {
  return { designatedInstitutions: [...values.personal, ...values.common] };
}
