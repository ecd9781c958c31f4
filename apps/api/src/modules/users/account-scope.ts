import { ACCOUNT_MANAGEMENT, ACCOUNT_UNIT_KINDS, manageableRoles } from '@sscard/rules';
import type { Actor, Role } from '../../common/auth/actor.js';

/**
 * The accounts a manager may see and manage, as SQL on app_user `a` joined to its unit `un`.
 * Built from the rules' ACCOUNT_MANAGEMENT table, the same data `canManageAccount` reads.
 */
export function accountScopeSql(manager: Actor, params: unknown[]): string {
  const management = ACCOUNT_MANAGEMENT[manager.role];
  if (!management) return 'false';
  const where = [`a.role = ANY ($${params.push([...management.roles])}::text[])`];
  switch (management.reach) {
    case 'everywhere':
      break;
    case 'own_district':
      if (!manager.districtId) return 'false';
      where.push(`a.district_id = $${params.push(manager.districtId)}`);
      break;
    case 'own_university':
      if (!manager.unitId) return 'false';
      where.push(`un.kind = 'college' AND un.parent_unit_id = $${params.push(manager.unitId)}`);
      break;
  }
  return where.join(' AND ');
}

/** The units a manager may attach an account of `role` to, as SQL on unit `u`. */
export function unitOptionScopeSql(manager: Actor, role: Role, params: unknown[]): string {
  const management = ACCOUNT_MANAGEMENT[manager.role];
  const kinds = ACCOUNT_UNIT_KINDS[role];
  if (!management || !kinds || !manageableRoles(manager.role).includes(role)) return 'false';
  const where = [`u.kind = ANY ($${params.push([...kinds])}::text[])`];
  switch (management.reach) {
    case 'everywhere':
      break;
    case 'own_district':
      if (!manager.districtId) return 'false';
      where.push(`u.district_id = $${params.push(manager.districtId)}`);
      break;
    case 'own_university':
      if (!manager.unitId) return 'false';
      where.push(`u.parent_unit_id = $${params.push(manager.unitId)}`);
      break;
  }
  return where.join(' AND ');
}
