import { bi } from '../i18n/bilingual.js';
import { ACCOUNT_ROLES, type AccountRole } from './account-roles.js';

/**
 * Who may manage whom (create, list, disable / enable, reset the password):
 * - the system admin: every account;
 * - district staff: unit, university and college staff of units in their own district;
 * - university staff: college staff of the colleges of their own university;
 * - unit and college staff: nobody.
 * Data, so that the API builds its SQL scope from the same table the rule reads.
 */
export type AccountReach = 'everywhere' | 'own_district' | 'own_university';

export interface AccountManagement {
  roles: readonly AccountRole[];
  reach: AccountReach;
}

export const ACCOUNT_MANAGEMENT: Readonly<Record<AccountRole, AccountManagement | null>> = {
  system_admin: { roles: ACCOUNT_ROLES, reach: 'everywhere' },
  district_staff: {
    roles: ['unit_staff', 'university_staff', 'college_staff'],
    reach: 'own_district',
  },
  university_staff: { roles: ['college_staff'], reach: 'own_university' },
  unit_staff: null,
  college_staff: null,
};

/** The one who manages: their role and where they belong. */
export interface AccountManager {
  role: AccountRole;
  districtId: string | null;
  unitId: string | null;
}

/** The account managed (or about to be created), with its unit's kind and parent unit. */
export interface ManagedAccount {
  role: AccountRole;
  districtId: string | null;
  unitId: string | null;
  unitKind: string | null;
  /** For a college: its university. */
  unitParentId: string | null;
}

/** The roles a manager may create and manage; empty for those who manage nobody. */
export function manageableRoles(role: AccountRole): readonly AccountRole[] {
  return ACCOUNT_MANAGEMENT[role]?.roles ?? [];
}

/** Whether the role manages anyone at all (the admin's users screen and its menu entry). */
export function canManageAccounts(role: AccountRole): boolean {
  return manageableRoles(role).length > 0;
}

export function canManageAccount(manager: AccountManager, target: ManagedAccount): boolean {
  const management = ACCOUNT_MANAGEMENT[manager.role];
  if (!management?.roles.includes(target.role)) return false;
  switch (management.reach) {
    case 'everywhere':
      return true;
    case 'own_district':
      return manager.districtId !== null && target.districtId === manager.districtId;
    case 'own_university':
      return (
        manager.unitId !== null &&
        target.unitKind === 'college' &&
        target.unitParentId === manager.unitId
      );
  }
}

/** A refusal of an account change, with its bilingual message. */
export type AccountChangeCheck = { ok: true } | { ok: false; message: string };

/**
 * Disabling an account: not one's own (no locking oneself out), not one already disabled, and
 * never the last enabled system admin — someone must be able to manage accounts.
 */
export function checkAccountDisable(input: {
  self: boolean;
  role: AccountRole;
  disabled: boolean;
  /** Enabled system admins other than the target. */
  otherEnabledAdmins: number;
}): AccountChangeCheck {
  if (input.self)
    return {
      ok: false,
      message: bi('不能停用自己的账号', 'You cannot disable your own account'),
    };
  if (input.disabled)
    return { ok: false, message: bi('该账号已停用', 'This account is already disabled') };
  if (input.role === 'system_admin' && input.otherEnabledAdmins === 0)
    return {
      ok: false,
      message: bi(
        '不能停用最后一个启用的系统管理员账号',
        'The last enabled system admin cannot be disabled',
      ),
    };
  return { ok: true };
}

/**
 * Moving an account (another role, unit or district): not one's own (no promoting or locking
 * out oneself), and never taking the last enabled system admin out of that role.
 */
export function checkAccountReassign(input: {
  self: boolean;
  from: AccountRole;
  to: AccountRole;
  disabled: boolean;
  /** Enabled system admins other than the target. */
  otherEnabledAdmins: number;
}): AccountChangeCheck {
  if (input.self)
    return {
      ok: false,
      message: bi(
        '不能调整自己账号的角色或所属单位',
        'You cannot change the role or unit of your own account',
      ),
    };
  if (
    input.from === 'system_admin' &&
    input.to !== 'system_admin' &&
    !input.disabled &&
    input.otherEnabledAdmins === 0
  )
    return {
      ok: false,
      message: bi(
        '不能调整最后一个启用的系统管理员账号的角色',
        'The last enabled system admin cannot be given another role',
      ),
    };
  return { ok: true };
}

/** Resetting a password is for other people's accounts; one's own is changed with the current one. */
export function checkPasswordReset(input: { self: boolean }): AccountChangeCheck {
  if (input.self)
    return {
      ok: false,
      message: bi(
        '不能重置自己的密码，请在“账号设置”中修改密码',
        'You cannot reset your own password: change it under “Account”',
      ),
    };
  return { ok: true };
}
