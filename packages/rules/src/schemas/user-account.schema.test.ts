import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.js';
import {
  changePasswordSchema,
  createAccountSchema,
  reassignAccountSchema,
  resetPasswordSchema,
} from './user-account.schema.js';

const UNIT = '0b5b0c1e-7d2a-4c55-9a1f-3f6b2a9d1c01';

function errorsOf(result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) {
  if (result.success || !result.error) throw new Error('expected a validation error');
  return fieldErrors(result.error);
}

describe('createAccountSchema (POST /api/users and the admin’s create form)', () => {
  it('takes a unit account without a password (the API generates one)', () => {
    expect(
      createAccountSchema.parse({
        username: ' school651 ',
        displayName: ' 朝阳区第三小学 ',
        role: 'unit_staff',
        unitId: UNIT.toUpperCase(),
      }),
    ).toEqual({
      username: 'school651',
      displayName: '朝阳区第三小学',
      role: 'unit_staff',
      unitId: UNIT,
    });
  });

  it('reports every bad field at once, in Chinese with English', () => {
    expect(
      errorsOf(
        createAccountSchema.safeParse({
          username: 'Zhang San',
          displayName: '',
          role: 'parent',
          password: 'short',
        }),
      ),
    ).toEqual({
      username:
        '用户名只能包含小写字母、数字和 . _ -，且以字母或数字开头 / The username may contain lowercase letters, digits and . _ - and must start with a letter or digit',
      displayName: '姓名（显示名称）不能为空 / Display name is required',
      role: '角色无效，可选值：system_admin、district_staff、unit_staff、university_staff、college_staff / Role must be one of: system_admin, district_staff, unit_staff, university_staff, college_staff',
      password: '密码至少10个字符 / The password needs at least 10 characters',
    });
  });

  it('username: 3 to 32 characters', () => {
    const base = { displayName: 'x', role: 'system_admin' };
    expect(errorsOf(createAccountSchema.safeParse({ ...base, username: 'ab' })).username).toMatch(
      /至少3个字符/,
    );
    expect(
      errorsOf(createAccountSchema.safeParse({ ...base, username: 'a'.repeat(33) })).username,
    ).toMatch(/不能超过32个字符/);
    expect(createAccountSchema.safeParse({ ...base, username: 'college-cs.2_b' }).success).toBe(
      true,
    );
    expect(createAccountSchema.safeParse({ ...base, username: '-lead' }).success).toBe(false);
  });

  it('the scope follows the role as the database’s CHECK constraint wants', () => {
    const base = { username: 'someone', displayName: '某人' };
    expect(
      errorsOf(
        createAccountSchema.safeParse({ ...base, role: 'unit_staff', districtId: '110105' }),
      ),
    ).toEqual({ unitId: '请选择账号所属单位 / Choose the unit of the account' });
    expect(
      errorsOf(createAccountSchema.safeParse({ ...base, role: 'district_staff' })).districtId,
    ).toMatch(/请选择区县/);
    expect(
      createAccountSchema.safeParse({ ...base, role: 'district_staff', districtId: '110105' })
        .success,
    ).toBe(true);
    expect(
      Object.keys(
        errorsOf(
          createAccountSchema.safeParse({
            ...base,
            role: 'system_admin',
            districtId: '110105',
            unitId: UNIT,
          }),
        ),
      ),
    ).toEqual(['districtId', 'unitId']);
    expect(
      errorsOf(
        createAccountSchema.safeParse({ ...base, role: 'district_staff', districtId: '999999' }),
      ).districtId,
    ).toMatch(/所属区县无效/);
    expect(
      errorsOf(createAccountSchema.safeParse({ ...base, role: 'unit_staff', unitId: 'nope' })),
    ).toEqual({ unitId: '所属单位编号无效 / The unit id is not valid' });
  });

  it('a chosen password may not be the username', () => {
    expect(
      errorsOf(
        createAccountSchema.safeParse({
          username: 'school6510',
          displayName: 'x',
          role: 'unit_staff',
          unitId: UNIT,
          password: 'School6510',
        }),
      ),
    ).toEqual({ password: '密码不能与用户名相同 / The password cannot be the username' });
  });
});

describe('password reset and change', () => {
  it('a reset takes a chosen password or nothing', () => {
    expect(resetPasswordSchema.parse({})).toEqual({});
    expect(resetPasswordSchema.parse({ password: 'a-long-password' })).toEqual({
      password: 'a-long-password',
    });
    expect(errorsOf(resetPasswordSchema.safeParse({ password: '123' })).password).toMatch(
      /至少10个字符/,
    );
  });

  it('a change needs the current password and a different, acceptable new one', () => {
    expect(
      errorsOf(changePasswordSchema.safeParse({ currentPassword: '', newPassword: 'x' })),
    ).toEqual({
      currentPassword: '请输入当前密码 / Enter the current password',
      newPassword: '密码至少10个字符 / The password needs at least 10 characters',
    });
    expect(
      errorsOf(
        changePasswordSchema.safeParse({
          currentPassword: 'sscard-demo-1',
          newPassword: 'sscard-demo-1',
        }),
      ),
    ).toEqual({
      newPassword: '新密码不能与当前密码相同 / The new password must differ from the current one',
    });
    expect(
      changePasswordSchema.safeParse({
        currentPassword: 'sscard-demo',
        newPassword: 'a-new-one-2025',
      }).success,
    ).toBe(true);
  });
});

describe('reassignAccountSchema (PUT /api/users/:id/assignment and the admin’s move dialog)', () => {
  it('a unit role with its unit; a district role with its district; the admin with neither', () => {
    expect(reassignAccountSchema.parse({ role: 'unit_staff', unitId: UNIT.toUpperCase() })).toEqual(
      { role: 'unit_staff', unitId: UNIT },
    );
    expect(reassignAccountSchema.parse({ role: 'district_staff', districtId: '110108' })).toEqual({
      role: 'district_staff',
      districtId: '110108',
    });
    expect(reassignAccountSchema.parse({ role: 'system_admin' })).toEqual({ role: 'system_admin' });
  });

  it('the scope must fit the role, each problem at its field', () => {
    expect(errorsOf(reassignAccountSchema.safeParse({ role: 'college_staff' }))).toEqual({
      unitId: '请选择账号所属单位 / Choose the unit of the account',
    });
    expect(
      errorsOf(
        reassignAccountSchema.safeParse({
          role: 'district_staff',
          districtId: '110105',
          unitId: UNIT,
        }),
      ),
    ).toEqual({ unitId: '区县社保中心账号不属于参保单位 / District staff belong to no unit' });
    expect(errorsOf(reassignAccountSchema.safeParse({ role: 'boss', unitId: 'x' }))).toHaveProperty(
      'role',
    );
  });
});
