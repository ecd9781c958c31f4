import { type BatchRoute, designatedPersonSchema, unitSchema } from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';

export const unitListQuery = pageQuery([
  'name',
  'eligibleCount',
  'registrationCode',
] as const).extend({
  districtId: z.string().optional(),
  kind: unitSchema.shape.kind.optional(),
});
export type UnitListQuery = z.output<typeof unitListQuery>;

export const createUnitBody = unitSchema;
export const designatedPersonBody = designatedPersonSchema;

/** A unit as the API shows it: with its card-eligible count and the route the rules give it. */
export interface UnitView {
  id: string;
  districtId: string;
  parentUnitId: string | null;
  name: string;
  kind: string;
  registrationCode: string;
  designatedPerson: { name: string; phone: string } | null;
  eligibleCount: number;
  route: BatchRoute;
}
