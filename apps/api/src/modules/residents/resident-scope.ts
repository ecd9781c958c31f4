import type { Scope } from '../../common/auth/actor.js';

/**
 * Which residents a caller sees, as SQL on the alias `r`. District staff: their district. Unit
 * staff read the residents whose current unit is theirs (or a sub-unit) and also those with a
 * card made for them — N-2.4a: a child who moved school still has the card at the old unit.
 * Changes (enrolment, institutions, category change) are made by the current unit only, so
 * `mode: 'write'` drops the card-holding case.
 */
export function residentScopeSql(
  scope: Scope,
  params: unknown[],
  mode: 'read' | 'write' = 'read',
  alias = 'r',
): string[] {
  const where: string[] = [];
  if (scope.unitId) {
    const units = `(SELECT su.id FROM unit su WHERE su.id = $${params.push(scope.unitId)} OR su.parent_unit_id = $${params.length})`;
    const current = `${alias}.current_unit_id IN ${units}`;
    where.push(
      mode === 'write'
        ? current
        : `(${current} OR EXISTS (SELECT 1 FROM card sc WHERE sc.resident_id = ${alias}.id AND sc.made_for_unit_id IN ${units}))`,
    );
  } else if (scope.districtId) {
    where.push(`${alias}.district_id = $${params.push(scope.districtId)}`);
  }
  return where;
}

/** Units a caller may register residents for or filter by (same shape as the units module). */
export function unitScopeSql(scope: Scope, params: unknown[], alias = 'u'): string[] {
  const where: string[] = [];
  if (scope.districtId) where.push(`${alias}.district_id = $${params.push(scope.districtId)}`);
  if (scope.unitId)
    where.push(
      `(${alias}.id = $${params.push(scope.unitId)} OR ${alias}.parent_unit_id = $${params.length})`,
    );
  return where;
}
