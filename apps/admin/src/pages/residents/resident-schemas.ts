import { institutionChoiceSchema, personSchema, text } from '@sscard/rules';
import { z } from 'zod';

/** POST /api/residents: the shared person schema plus the unit the person belongs to. */
export const createResidentSchema = personSchema.and(
  z.object({ currentUnitId: text('当前参保单位', 'Current unit', 64) }),
);

/** PUT /api/residents/:id/institutions (N-1.6 / S-3.1 are checked by the API). */
export const institutionsSchema = z.object({
  designatedInstitutions: z.array(institutionChoiceSchema).max(10),
});
