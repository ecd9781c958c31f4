import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';
import { normaliseRegistrationCode } from '../batches/route-batch.js';
import { DISTRICT_CODES, UNIT_KINDS } from '../units/districts.js';
import { oneOf, phone, text } from './fields.js';

/** 社会保险登记证编码: letters and digits, normalised like a credential is at pickup (N-2.2b). */
export const registrationCode = z
  .string({ error: bi('社会保险登记证编码必须是文本', 'Registration code must be text') })
  .transform(normaliseRegistrationCode)
  .refine(
    (v) => /^[0-9A-Z]{6,20}$/.test(v),
    bi(
      '社会保险登记证编码应为6-20位字母或数字',
      'Registration code must be 6–20 letters or digits',
    ),
  );

export const designatedPersonSchema = z.object({
  name: text('指定专人姓名', 'Designated person name'),
  phone,
});
export type DesignatedPerson = z.output<typeof designatedPersonSchema>;

export const unitSchema = z.object({
  name: text('单位名称', 'Unit name', 100),
  kind: oneOf(UNIT_KINDS, '单位类别', 'Unit kind'),
  registrationCode,
  districtCode: oneOf(DISTRICT_CODES, '所属区县', 'District'),
  /** N-2.2a / N-2.3: receives delivered cards and may sign on a holder's behalf. */
  designatedPerson: designatedPersonSchema.optional(),
});
export type UnitInput = z.input<typeof unitSchema>;
export type Unit = z.output<typeof unitSchema>;
