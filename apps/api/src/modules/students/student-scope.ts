import type { Scope } from '../../common/auth/actor.js';

/**
 * Which students a caller sees, as SQL on the alias `s`. University staff are scoped to their
 * university's unit, so the sub-unit clause takes in all its colleges; college staff are scoped
 * to their college, which has no sub-units, so they see that college only. District staff see
 * their district, the admin everything.
 */
export function studentScopeSql(scope: Scope, params: unknown[], alias = 's'): string[] {
  const where: string[] = [];
  if (scope.districtId) where.push(`${alias}.district_id = $${params.push(scope.districtId)}`);
  if (scope.unitId) {
    where.push(
      `${alias}.college_unit_id IN (SELECT su.id FROM unit su WHERE su.id = $${params.push(scope.unitId)} OR su.parent_unit_id = $${params.length})`,
    );
  }
  return where;
}
