import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';
import { PAYMENT_CHANNELS } from '../policy/student-guide-2025.js';
import { oneOf, yuan } from './fields.js';
import { institutionChoiceSchema } from './person.schema.js';
import { unitSchema } from './unit.schema.js';

/**
 * The request bodies of the student flow after registration, shared by the API (validation at
 * the boundary, OpenAPI) and the admin's forms, so neither writes them down a second time.
 */

/** S-2.2a / S-2.4: `paidAt` is an instant with its offset; absent, the API's clock says now. */
export const studentPaymentSchema = z.object({
  channel: oneOf(PAYMENT_CHANNELS, '缴费方式', 'Payment channel'),
  paidAt: z.iso
    .datetime({
      offset: true,
      error: bi(
        '缴费时间应为带时区的时间，如 2025-10-13T10:00:00+08:00',
        'paidAt must be a timestamp with its offset, e.g. 2025-10-13T10:00:00+08:00',
      ),
    })
    .optional(),
  /** S-2.1: when given, must be the fee. */
  amountYuan: yuan.optional(),
});
export type StudentPaymentInput = z.input<typeof studentPaymentSchema>;
export type StudentPayment = z.output<typeof studentPaymentSchema>;

/** S-1.6: the guide says answer "no" when asked about proxy handling. */
export const studentPhotoSchema = z.object({
  proxyHandling: z.boolean({ error: bi('须注明是否代办', 'Say whether it is proxy handling') }),
});
export type StudentPhoto = z.output<typeof studentPhotoSchema>;

/** S-3.1: the student's designated institutions, personal and common, in the order chosen. */
export const studentInstitutionsSchema = z.object({
  designatedInstitutions: z.array(institutionChoiceSchema).max(10),
});
export type StudentInstitutionsInput = z.input<typeof studentInstitutionsSchema>;
export type StudentInstitutions = z.output<typeof studentInstitutionsSchema>;

/** A college (院（系）) under a university: its name and registration code. */
export const collegeSchema = unitSchema.pick({ name: true, registrationCode: true });
export type CollegeInput = z.input<typeof collegeSchema>;
export type College = z.output<typeof collegeSchema>;
