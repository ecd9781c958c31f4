import { describe, expect, it } from 'vitest';
import {
  type AccountManager,
  canManageAccount,
  canManageAccounts,
  checkAccountDisable,
  checkAccountReassign,
  checkPasswordReset,
  type ManagedAccount,
  manageableRoles,
} from './account-management.js';
import { ACCOUNT_ROLES, accountScopeIssues, accountUnitKindIssue } from './account-roles.js';

const CHAOYANG = '110105';
const HAIDIAN = '110108';
const UNIVERSITY = 'u-university';
const OTHER_UNIVERSITY = 'u-other-university';

const managers = {
  admin: { role: 'system_admin', districtId: null, unitId: null },
  chaoyang: { role: 'district_staff', districtId: CHAOYANG, unitId: null },
  university: { role: 'university_staff', districtId: HAIDIAN, unitId: UNIVERSITY },
  school: { role: 'unit_staff', districtId: CHAOYANG, unitId: 'u-school' },
  college: { role: 'college_staff', districtId: HAIDIAN, unitId: 'u-college' },
} satisfies Record<string, AccountManager>;

const accounts = {
  admin: {
    role: 'system_admin',
    districtId: null,
    unitId: null,
    unitKind: null,
    unitParentId: null,
  },
  chaoyangStaff: {
    role: 'district_staff',
    districtId: CHAOYANG,
    unitId: null,
    unitKind: null,
    unitParentId: null,
  },
  chaoyangSchool: {
    role: 'unit_staff',
    districtId: CHAOYANG,
    unitId: 'u-school',
    unitKind: 'school',
    unitParentId: null,
  },
  haidianSchool: {
    role: 'unit_staff',
    districtId: HAIDIAN,
    unitId: 'u-hd-school',
    unitKind: 'school',
    unitParentId: null,
  },
  haidianUniversity: {
    role: 'university_staff',
    districtId: HAIDIAN,
    unitId: UNIVERSITY,
    unitKind: 'university',
    unitParentId: null,
  },
  ownCollege: {
    role: 'college_staff',
    districtId: HAIDIAN,
    unitId: 'u-college',
    unitKind: 'college',
    unitParentId: UNIVERSITY,
  },
  otherCollege: {
    role: 'college_staff',
    districtId: HAIDIAN,
    unitId: 'u-other-college',
    unitKind: 'college',
    unitParentId: OTHER_UNIVERSITY,
  },
} satisfies Record<string, ManagedAccount>;

type ManagerName = keyof typeof managers;
type AccountName = keyof typeof accounts;

/** The whole matrix, row by row: whom each manager may manage (everything else: no). */
const MATRIX: Record<ManagerName, AccountName[]> = {
  admin: [
    'admin',
    'chaoyangStaff',
    'chaoyangSchool',
    'haidianSchool',
    'haidianUniversity',
    'ownCollege',
    'otherCollege',
  ],
  chaoyang: ['chaoyangSchool'],
  university: ['ownCollege'],
  school: [],
  college: [],
};

describe('who may manage whom (the account-management matrix)', () => {
  for (const [managerName, allowed] of Object.entries(MATRIX) as [ManagerName, AccountName[]][]) {
    for (const accountName of Object.keys(accounts) as AccountName[]) {
      const expected = allowed.includes(accountName);
      it(`${managerName} ${expected ? 'manages' : 'does not manage'} ${accountName}`, () => {
        expect(canManageAccount(managers[managerName], accounts[accountName])).toBe(expected);
      });
    }
  }

  it('district staff manage the university and college staff of their own district only', () => {
    const haidian: AccountManager = { role: 'district_staff', districtId: HAIDIAN, unitId: null };
    expect(canManageAccount(haidian, accounts.haidianUniversity)).toBe(true);
    expect(canManageAccount(haidian, accounts.ownCollege)).toBe(true);
    expect(canManageAccount(haidian, accounts.haidianSchool)).toBe(true);
    expect(canManageAccount(haidian, accounts.chaoyangSchool)).toBe(false);
    expect(canManageAccount(haidian, accounts.chaoyangStaff)).toBe(false);
  });

  it('a manager without a district or unit (bad data) manages nobody by reach', () => {
    expect(
      canManageAccount(
        { role: 'district_staff', districtId: null, unitId: null },
        {
          ...accounts.chaoyangSchool,
          districtId: null,
        },
      ),
    ).toBe(false);
    expect(
      canManageAccount(
        { role: 'university_staff', districtId: HAIDIAN, unitId: null },
        {
          ...accounts.ownCollege,
          unitParentId: null,
        },
      ),
    ).toBe(false);
  });

  it('the roles each role may create, and who gets the users screen', () => {
    expect(manageableRoles('system_admin')).toEqual(ACCOUNT_ROLES);
    expect(manageableRoles('district_staff')).toEqual([
      'unit_staff',
      'university_staff',
      'college_staff',
    ]);
    expect(manageableRoles('university_staff')).toEqual(['college_staff']);
    expect(manageableRoles('unit_staff')).toEqual([]);
    expect(ACCOUNT_ROLES.filter(canManageAccounts)).toEqual([
      'system_admin',
      'district_staff',
      'university_staff',
    ]);
  });
});

describe('role and scope (mirrors the CHECK ck_app_user_scope of app_user)', () => {
  it('the admin has neither district nor unit', () => {
    expect(accountScopeIssues({ role: 'system_admin' })).toEqual({});
    expect(
      Object.keys(accountScopeIssues({ role: 'system_admin', districtId: CHAOYANG, unitId: 'x' })),
    ).toEqual(['districtId', 'unitId']);
  });

  it('district staff have a district and no unit', () => {
    expect(accountScopeIssues({ role: 'district_staff', districtId: CHAOYANG })).toEqual({});
    expect(accountScopeIssues({ role: 'district_staff' })).toEqual({
      districtId: '请选择区县社保中心所在区县 / Choose the district of the centre',
    });
    expect(
      Object.keys(
        accountScopeIssues({ role: 'district_staff', districtId: CHAOYANG, unitId: 'x' }),
      ),
    ).toEqual(['unitId']);
  });

  it('unit, university and college staff have a unit (their district is the unit’s)', () => {
    for (const role of ['unit_staff', 'university_staff', 'college_staff'] as const) {
      expect(accountScopeIssues({ role, unitId: 'x' })).toEqual({});
      expect(accountScopeIssues({ role, districtId: CHAOYANG })).toEqual({
        unitId: '请选择账号所属单位 / Choose the unit of the account',
      });
    }
  });

  it('the unit’s kind suits the role', () => {
    expect(accountUnitKindIssue('unit_staff', 'school')).toBeUndefined();
    expect(accountUnitKindIssue('unit_staff', 'street_office')).toBeUndefined();
    expect(accountUnitKindIssue('unit_staff', 'university')).toMatch(
      /^参保单位账号不能属于高校或学院.* \/ Unit staff/,
    );
    expect(accountUnitKindIssue('unit_staff', 'college')).toBeDefined();
    expect(accountUnitKindIssue('university_staff', 'university')).toBeUndefined();
    expect(accountUnitKindIssue('university_staff', 'college')).toMatch(/须属于高等院校/);
    expect(accountUnitKindIssue('college_staff', 'college')).toBeUndefined();
    expect(accountUnitKindIssue('college_staff', 'school')).toMatch(/须属于高校下设的学院/);
    expect(accountUnitKindIssue('district_staff', 'school')).toBeDefined();
  });
});

describe('disabling and resetting', () => {
  const target = {
    self: false,
    role: 'unit_staff',
    disabled: false,
    otherEnabledAdmins: 0,
  } as const;

  it('allows disabling another enabled account', () => {
    expect(checkAccountDisable(target)).toEqual({ ok: true });
  });

  it('refuses one’s own account and an already disabled one', () => {
    expect(checkAccountDisable({ ...target, self: true })).toEqual({
      ok: false,
      message: '不能停用自己的账号 / You cannot disable your own account',
    });
    expect(checkAccountDisable({ ...target, disabled: true })).toMatchObject({ ok: false });
  });

  it('never disables the last enabled system admin', () => {
    const admin = { ...target, role: 'system_admin' } as const;
    expect(checkAccountDisable(admin)).toEqual({
      ok: false,
      message:
        '不能停用最后一个启用的系统管理员账号 / The last enabled system admin cannot be disabled',
    });
    expect(checkAccountDisable({ ...admin, otherEnabledAdmins: 1 })).toEqual({ ok: true });
  });

  it('resets other people’s passwords only', () => {
    expect(checkPasswordReset({ self: false })).toEqual({ ok: true });
    expect(checkPasswordReset({ self: true })).toMatchObject({ ok: false });
  });
});

describe('moving an account (role, unit or district)', () => {
  const move = {
    self: false,
    from: 'unit_staff',
    to: 'unit_staff',
    disabled: false,
    otherEnabledAdmins: 0,
  } as const;

  it('allows moving someone else’s account', () => {
    expect(checkAccountReassign(move)).toEqual({ ok: true });
    expect(checkAccountReassign({ ...move, to: 'university_staff' })).toEqual({ ok: true });
  });

  it('refuses one’s own account', () => {
    expect(checkAccountReassign({ ...move, self: true })).toEqual({
      ok: false,
      message:
        '不能调整自己账号的角色或所属单位 / You cannot change the role or unit of your own account',
    });
  });

  it('never takes the last enabled system admin out of that role', () => {
    const admin = { ...move, from: 'system_admin', to: 'district_staff' } as const;
    expect(checkAccountReassign(admin)).toEqual({
      ok: false,
      message:
        '不能调整最后一个启用的系统管理员账号的角色 / The last enabled system admin cannot be given another role',
    });
    expect(checkAccountReassign({ ...admin, otherEnabledAdmins: 1 })).toEqual({ ok: true });
    // A disabled admin is not one of those who can manage accounts now.
    expect(checkAccountReassign({ ...admin, disabled: true })).toEqual({ ok: true });
    expect(checkAccountReassign({ ...admin, to: 'system_admin' })).toEqual({ ok: true });
  });
});
