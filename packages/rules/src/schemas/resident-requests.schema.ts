import { z } from 'zod';
import { CATEGORIES } from '../policy/categories.js';
import { calendarDate, oneOf, policyYear } from './fields.js';
import { uuidText } from './id-text.js';
import { institutionChoiceSchema, personSchema } from './person.schema.js';

/**
 * The request bodies of the residents' screens (N-1.x, N-2.5): the API validates with these and
 * the admin's forms check with them, so both report the same words for the same mistake.
 */

/** An optional event date; "not after today" is checked by the API against its business date. */
export const optionalEventDate = (zh: string, en: string) => calendarDate(zh, en).optional();

/** The person (birth date checked against the ID, optional class) and the unit they belong to. */
export const createResidentRequestSchema = personSchema.and(
  z.object({ currentUnitId: uuidText('当前参保单位', 'Current unit') }),
);
export type CreateResidentRequestInput = z.input<typeof createResidentRequestSchema>;
export type CreateResidentRequest = z.output<typeof createResidentRequestSchema>;

/** N-1.6 / S-3.1: the designated institutions; the count and community one are the API's checks. */
export const institutionsRequestSchema = z.object({
  designatedInstitutions: z.array(institutionChoiceSchema).max(10),
});
export type InstitutionsRequest = z.output<typeof institutionsRequestSchema>;

/** N-2.5: the new category for a policy year; the fee at the new standard is checked by the API. */
export const categoryChangeRequestSchema = z.object({
  to: oneOf(CATEGORIES, '新人员类别', 'New category'),
  policyYear,
  changedOn: optionalEventDate('变更日期', 'Change date'),
});
export type CategoryChangeRequest = z.output<typeof categoryChangeRequestSchema>;

/** N-2.5: the district centre finished the card's identity sync. */
export const identitySyncedRequestSchema = z.object({
  syncedOn: optionalEventDate('同步日期', 'Sync date'),
});
export type IdentitySyncedRequest = z.output<typeof identitySyncedRequestSchema>;

/** N-1.5: the temporary certificate ends once the card is issued. */
export const closeCertificateRequestSchema = z.object({
  closedOn: optionalEventDate('证明终止日期', 'Closing date'),
});
export type CloseCertificateRequest = z.output<typeof closeCertificateRequestSchema>;
