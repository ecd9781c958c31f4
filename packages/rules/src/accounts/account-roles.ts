import { bi } from '../i18n/bilingual.js';

/** The staff roles of sscard (app_user.role, CHECK ck_app_user_role). Parents have no account. */
export const ACCOUNT_ROLES = [
  'system_admin',
  'district_staff',
  'unit_staff',
  'university_staff',
  'college_staff',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * The unit kinds an account of each role is attached to (app_user.unit_id → unit.kind); null
 * for the roles without a unit. A university's colleges are units of kind 'college' under it.
 */
export const ACCOUNT_UNIT_KINDS: Readonly<Record<AccountRole, readonly string[] | null>> = {
  system_admin: null,
  district_staff: null,
  unit_staff: ['street_office', 'school', 'kindergarten_childcare', 'other'],
  university_staff: ['university'],
  college_staff: ['college'],
};

export interface AccountScopeInput {
  role: AccountRole;
  districtId?: string | null | undefined;
  unitId?: string | null | undefined;
}

/**
 * Mirrors app_user's CHECK ck_app_user_scope: the admin has neither district nor unit, district
 * staff a district and no unit, every other role a unit (whose district the account takes).
 * Returns field → bilingual message; empty when the combination is allowed.
 */
export function accountScopeIssues(input: AccountScopeInput): Record<string, string> {
  const issues: Record<string, string> = {};
  const hasDistrict = Boolean(input.districtId);
  const hasUnit = Boolean(input.unitId);
  if (input.role === 'system_admin') {
    if (hasDistrict)
      issues.districtId = bi('系统管理员不属于任何区县', 'A system admin has no district');
    if (hasUnit) issues.unitId = bi('系统管理员不属于任何单位', 'A system admin has no unit');
  } else if (input.role === 'district_staff') {
    if (!hasDistrict)
      issues.districtId = bi('请选择区县社保中心所在区县', 'Choose the district of the centre');
    if (hasUnit)
      issues.unitId = bi('区县社保中心账号不属于参保单位', 'District staff belong to no unit');
  } else if (!hasUnit) {
    issues.unitId = bi('请选择账号所属单位', 'Choose the unit of the account');
  }
  return issues;
}

/** The unit's kind must suit the role: a school for unit staff, a college for college staff … */
export function accountUnitKindIssue(role: AccountRole, unitKind: string): string | undefined {
  const kinds = ACCOUNT_UNIT_KINDS[role];
  if (kinds === null) return bi('该角色不属于任何单位', 'This role belongs to no unit');
  if (kinds.includes(unitKind)) return undefined;
  if (role === 'university_staff')
    return bi('高校医保办账号须属于高等院校', 'University staff must belong to a university');
  if (role === 'college_staff')
    return bi('学院账号须属于高校下设的学院', 'College staff must belong to a college');
  return bi(
    '参保单位账号不能属于高校或学院，请选择高校或学院角色',
    'Unit staff cannot belong to a university or college: choose a university or college role',
  );
}
