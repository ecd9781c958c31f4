export const ROLES = [
  'system_admin',
  'district_staff',
  'unit_staff',
  'university_staff',
  'college_staff',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, resolved from the session on every request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  districtId: string | null;
  unitId: string | null;
}

/**
 * What a caller may see. Every repository query takes this and filters in SQL: a district's
 * staff see their district, a unit's staff their unit, an admin everything.
 */
export interface Scope {
  districtId?: string;
  unitId?: string;
}

export function scopeOf(actor: Actor): Scope {
  if (actor.role === 'system_admin') return {};
  if (actor.role === 'district_staff') return { districtId: actor.districtId ?? '__none__' };
  return { districtId: actor.districtId ?? '__none__', unitId: actor.unitId ?? '__none__' };
}
