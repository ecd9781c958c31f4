import {
  bi,
  calendarDate,
  institutionChoiceSchema,
  oneOf,
  PAYMENT_CHANNELS,
  type InstitutionChoice,
  type PaymentChannel,
} from '@sscard/rules';
import { z } from 'zod';

/** S-2.2a / S-2.4: the API's payment body; `paidAt` an instant with its offset, or now. */
export interface StudentPaymentBody {
  channel: PaymentChannel;
  paidAt?: string;
  amountYuan?: number;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The payment form: the channel, and when the student paid (Beijing date and time). Both left
 * empty means "now" (the API's clock); one without the other is a mistake.
 */
export const paymentFormSchema = z
  .object({
    channel: oneOf(PAYMENT_CHANNELS, '缴费方式', 'Payment channel'),
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
export function paymentBody(values: z.output<typeof paymentFormSchema>): StudentPaymentBody {
  return values.paidDate && values.paidTime
    ? { channel: values.channel, paidAt: `${values.paidDate}T${values.paidTime}:00+08:00` }
    : { channel: values.channel };
}

/** S-3.1: the API's institutions body, with the shared schema for each choice. */
export const institutionsFormSchema = z.object({
  designatedInstitutions: z.array(institutionChoiceSchema).max(10),
});
export interface InstitutionsBody {
  designatedInstitutions: InstitutionChoice[];
}
