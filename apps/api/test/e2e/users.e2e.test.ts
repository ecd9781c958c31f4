import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.js';
import { type AccountsWorld, seedAccounts, usernames } from '../users-fixtures.js';

/** Account management: who may manage whom, creating, listing, disabling (docs/api.md#accounts). */
let t: TestApp;
let a: AccountsWorld;

beforeAll(async () => {
  t = await createTestApp();
  a = await seedAccounts(t);
});
afterAll(() => t?.close());

const MIN_BODIES = 50;

describe('who may manage whom: lists (the rules’ ACCOUNT_MANAGEMENT)', () => {
  it('the admin lists every account; district staff their district’s unit, university and college staff', async () => {
    const all = await a.call('get', '/api/users?pageSize=200&sort=username', a.w.tokens.admin);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(9);
    const chaoyang = await a.call('get', '/api/users?sort=username', a.w.tokens.district);
    expect(usernames(chaoyang)).toEqual(['unit-a', 'unit-b']);
    const haidian = await a.call('get', '/api/users?sort=username', a.w.tokens.otherDistrict);
    expect(usernames(haidian)).toEqual(['college-1a', 'hd-school', 'other-college', 'university']);
  });

  it('university staff list the college staff of their own university only', async () => {
    const res = await a.call('get', '/api/users', a.tokens.university);
    expect(usernames(res)).toEqual(['college-1a']);
    expect(res.body.items[0]).toMatchObject({
      role: 'college_staff',
      districtId: '110108',
      unit: { id: a.hd.collegeA, name: '计算机学院', kind: 'college' },
      disabled: false,
      activeSessions: 1,
    });
  });

  it('unit and college staff manage nobody (403); no session is a 401', async () => {
    expect((await a.call('get', '/api/users', a.w.tokens.unitA)).status).toBe(403);
    expect((await a.call('get', '/api/users', a.tokens['college-1a'])).status).toBe(403);
    expect(
      (await a.call('post', `/api/users/${a.ids['unit-b']}/disable`, a.w.tokens.unitA)).status,
    ).toBe(403);
    expect((await a.call('get', '/api/users')).status).toBe(401);
  });
});

describe('someone else’s account is a 404, and stays untouched', () => {
  it.each([
    ['district staff → a university account of another district', 'district', 'university'],
    ['district staff → the admin', 'district', 'admin'],
    ['district staff → another district’s staff', 'district', 'hd-staff'],
    [
      'district staff → themselves (district staff manage no district staff)',
      'district',
      'cy-staff',
    ],
    ['district staff → a unit of another district', 'otherDistrict', 'unit-a'],
    ['university staff → a college of another university', 'university', 'other-college'],
    ['university staff → themselves', 'university', 'university'],
  ] as const)('%s', async (_, who, target) => {
    const token = who === 'university' ? (a.tokens.university ?? '') : a.w.tokens[who];
    const id = a.ids[target];
    expect((await a.call('get', `/api/users/${id}`, token)).status).toBe(404);
    const disable = await a.call('post', `/api/users/${id}/disable`, token);
    expect(disable.status).toBe(404);
    expect(disable.body.message).toBe('账号不存在 / Account not found');
    expect((await a.call('post', `/api/users/${id}/enable`, token)).status).toBe(404);
    expect((await a.call('post', `/api/users/${id}/password-reset`, token, {})).status).toBe(404);
    const [row] = await t.sql<{ disabled: boolean }>(
      'SELECT disabled FROM app_user WHERE id = $1',
      [id],
    );
    expect(row?.disabled).toBe(false);
  });

  it('an unknown or malformed id is a 404 too', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await a.call('get', `/api/users/${unknown}`, a.w.tokens.admin)).status).toBe(404);
    expect((await a.call('get', '/api/users/not-a-uuid', a.w.tokens.admin)).status).toBe(404);
  });
});

describe('the units an account can be attached to', () => {
  const names = (res: Response) => (res.body as { name: string }[]).map((u) => u.name);

  it('follow the role’s unit kinds and the caller’s reach', async () => {
    const q = (role: string) => `/api/users/unit-options?role=${role}`;
    expect(names(await a.call('get', q('unit_staff'), a.w.tokens.district))).toEqual([
      '朝阳区实验小学',
      '朝阳区第二幼儿园',
    ]);
    expect(names(await a.call('get', q('university_staff'), a.w.tokens.otherDistrict))).toEqual([
      '北京另一大学',
      '北京示范大学',
    ]);
    expect(names(await a.call('get', q('unit_staff'), a.w.tokens.otherDistrict))).toEqual([
      '海淀区中关村第一小学',
    ]);
    expect(names(await a.call('get', q('college_staff'), a.tokens.university))).toEqual([
      '外国语学院',
      '计算机学院',
    ]);
    expect(names(await a.call('get', q('unit_staff'), a.tokens.university))).toEqual([]);
    const search = await a.call('get', `${q('unit_staff')}&search=10500002`, a.w.tokens.district);
    expect(names(search)).toEqual(['朝阳区第二幼儿园']);
    const bad = await a.call('get', '/api/users/unit-options', a.w.tokens.district);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toEqual(['role']);
  });
});

describe('creating accounts', () => {
  it('refuses bad input field by field, in Chinese with English', async () => {
    const res = await a.call('post', '/api/users', a.w.tokens.district, {
      username: 'A b',
      role: 'parent',
      password: 'short',
    });
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({
      username: expect.stringMatching(/^用户名只能包含小写字母.* \/ The username may contain/),
      displayName: '姓名（显示名称）必须是文本 / Display name must be text',
      role: expect.stringMatching(/^角色无效/),
      password: '密码至少10个字符 / The password needs at least 10 characters',
    });
    const scope = await a.call('post', '/api/users', a.w.tokens.district, {
      username: 'someone',
      displayName: '某人',
      role: 'unit_staff',
    });
    expect(scope.body.fields).toEqual({
      unitId: '请选择账号所属单位 / Choose the unit of the account',
    });
    const same = await a.call('post', '/api/users', a.w.tokens.district, {
      username: 'school6510',
      displayName: '某人',
      role: 'unit_staff',
      unitId: a.w.unitA.id,
      password: 'School6510',
    });
    expect(same.body.fields).toEqual({
      password: '密码不能与用户名相同 / The password cannot be the username',
    });
  });

  it('refuses roles and units beyond the caller’s reach', async () => {
    const base = { username: 'someone', displayName: '某人' };
    const role = await a.call('post', '/api/users', a.w.tokens.district, {
      ...base,
      role: 'district_staff',
      districtId: '110105',
    });
    expect(role.status).toBe(422);
    expect(role.body.fields).toEqual({
      role: '您不能创建该角色的账号 / You cannot create accounts of this role',
    });
    const elsewhere = await a.call('post', '/api/users', a.w.tokens.district, {
      ...base,
      role: 'unit_staff',
      unitId: a.hd.school,
    });
    expect(elsewhere.body.fields).toEqual({ unitId: '所属单位不存在 / Unit not found' });
    const wrongKind = await a.call('post', '/api/users', a.w.tokens.otherDistrict, {
      ...base,
      role: 'unit_staff',
      unitId: a.hd.university,
    });
    expect(wrongKind.body.fields.unitId).toMatch(/^参保单位账号不能属于高校或学院/);
    const otherUniversity = await a.call('post', '/api/users', a.tokens.university, {
      ...base,
      role: 'college_staff',
      unitId: a.hd.otherCollege,
    });
    expect(otherUniversity.body.fields).toEqual({ unitId: '所属单位不存在 / Unit not found' });
    const notSetUp = await a.call('post', '/api/users', a.w.tokens.admin, {
      ...base,
      role: 'district_staff',
      districtId: '110101',
    });
    expect(notSetUp.body.fields).toEqual({
      districtId: '该区县尚未开通 / This district is not set up',
    });
    expect((await t.sql("SELECT 1 FROM app_user WHERE username = 'someone'")).length).toBe(0);
  });

  it('district staff create a unit account; the generated password is shown once and signs in', async () => {
    const res = await a.call('post', '/api/users', a.w.tokens.district, {
      username: 'school651',
      displayName: '朝阳区实验小学（教务处）',
      role: 'unit_staff',
      unitId: a.w.unitA.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({
      username: 'school651',
      role: 'unit_staff',
      districtId: '110105',
      unit: { id: a.w.unitA.id, name: '朝阳区实验小学', kind: 'school' },
      disabled: false,
      mustChangePassword: true,
      activeSessions: 0,
    });
    expect(res.body.password).toMatch(/^[A-Za-z2-9]{14}$/);
    a.ids.school651 = res.body.account.id;
    const signedIn = await a.login('school651', res.body.password);
    expect(signedIn.status).toBe(200);
    a.tokens.school651 = signedIn.body.token;
    expect(signedIn.body.user).toMatchObject({
      role: 'unit_staff',
      unitId: a.w.unitA.id,
      mustChangePassword: true,
    });
    const again = await a.call('post', '/api/users', a.w.tokens.district, {
      username: 'school651',
      displayName: '重复',
      role: 'unit_staff',
      unitId: a.w.unitA.id,
    });
    expect(again.status).toBe(422);
    expect(again.body.fields).toEqual({
      username: '该用户名已被使用 / This username is already taken',
    });
    // The password is in no table but as its hash, and in no audit entry.
    const leaks = await t.sql('SELECT 1 FROM audit_log WHERE after::text LIKE $1', [
      `%${res.body.password}%`,
    ]);
    expect(leaks).toEqual([]);
  });

  it('university staff create college accounts with a chosen password; the admin district staff', async () => {
    const college = await a.call('post', '/api/users', a.tokens.university, {
      username: 'college-1b',
      displayName: '外国语学院',
      role: 'college_staff',
      unitId: a.hd.collegeB,
      password: 'college-1b-2025',
    });
    expect(college.status).toBe(201);
    expect(college.body.password).toBeNull();
    expect((await a.login('college-1b', 'college-1b-2025')).status).toBe(200);
    const district = await a.call('post', '/api/users', a.w.tokens.admin, {
      username: 'cy-staff-2',
      displayName: '朝阳区社保中心（二）',
      role: 'district_staff',
      districtId: '110105',
    });
    expect(district.status).toBe(201);
    expect(district.body.account).toMatchObject({ districtId: '110105', unit: null });
    const audit = await t.sql<{ entity_id: string; actor_role: string; district_id: string }>(
      `SELECT entity_id, actor_role, district_id FROM audit_log
       WHERE entity = 'app_user' AND action = 'create' ORDER BY id`,
    );
    expect(audit).toEqual([
      { entity_id: a.ids.school651, actor_role: 'district_staff', district_id: '110105' },
      { entity_id: college.body.account.id, actor_role: 'university_staff', district_id: '110108' },
      { entity_id: district.body.account.id, actor_role: 'system_admin', district_id: '110105' },
    ]);
  });
});

describe('the list pages, sorts, searches and filters on the server', () => {
  it('search by username or display name, sort, page', async () => {
    const page = await a.call(
      'get',
      '/api/users?search=school&sort=username&order=desc&pageSize=1',
      a.w.tokens.admin,
    );
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(usernames(page)).toEqual(['school651']);
    const byName = await a.call(
      'get',
      `/api/users?search=${encodeURIComponent('学院')}`,
      a.w.tokens.admin,
    );
    expect(usernames(byName).sort()).toEqual(['college-1a', 'college-1b', 'other-college']);
  });

  it('filter by role, unit and disabled; bad filters are field errors', async () => {
    const colleges = await a.call(
      'get',
      '/api/users?role=college_staff&sort=username',
      a.w.tokens.admin,
    );
    expect(usernames(colleges)).toEqual(['college-1a', 'college-1b', 'other-college']);
    const unit = await a.call(
      'get',
      `/api/users?unitId=${a.w.unitA.id}&sort=username`,
      a.w.tokens.district,
    );
    expect(usernames(unit)).toEqual(['school651', 'unit-a']);
    expect((await a.call('get', '/api/users?disabled=true', a.w.tokens.admin)).body.total).toBe(0);
    const bad = await a.call(
      'get',
      '/api/users?sort=password&disabled=maybe&role=x',
      a.w.tokens.admin,
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['disabled', 'role', 'sort']);
  });
});

describe('disable and enable', () => {
  it('disabling ends the account’s sessions at once: the old token is a 401', async () => {
    const id = a.ids.school651;
    expect((await a.call('get', '/api/auth/me', a.tokens.school651)).status).toBe(200);
    const res = await a.call('post', `/api/users/${id}/disable`, a.w.tokens.district);
    expect(res.status).toBe(200);
    expect(res.body.endedSessions).toBe(1);
    expect(res.body.account).toMatchObject({ disabled: true, activeSessions: 0 });
    expect((await a.call('get', '/api/auth/me', a.tokens.school651)).status).toBe(401);
    expect(await t.sql('SELECT 1 FROM user_session WHERE user_id = $1', [id])).toEqual([]);
    const list = await a.call('get', '/api/users?disabled=true', a.w.tokens.district);
    expect(usernames(list)).toEqual(['school651']);
    const twice = await a.call('post', `/api/users/${id}/disable`, a.w.tokens.district);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该账号已停用 / This account is already disabled');
  });

  it('enabling lets the account sign in again; both changes are audited', async () => {
    const id = a.ids.school651;
    const enabled = await a.call('post', `/api/users/${id}/enable`, a.w.tokens.district);
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabled).toBe(false);
    expect((await a.call('post', `/api/users/${id}/enable`, a.w.tokens.district)).status).toBe(409);
    const audit = await t.sql<{ action: string; before: unknown; after: unknown }>(
      `SELECT action, before, after FROM audit_log
       WHERE entity = 'app_user' AND entity_id = $1 AND action IN ('disable', 'enable') ORDER BY id`,
      [id],
    );
    expect(audit).toEqual([
      {
        action: 'disable',
        before: { disabled: false },
        after: { disabled: true, endedSessions: 1 },
      },
      { action: 'enable', before: { disabled: true }, after: { disabled: false } },
    ]);
  });

  it('nobody disables their own account', async () => {
    const res = await a.call('post', `/api/users/${a.ids.admin}/disable`, a.w.tokens.admin);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('不能停用自己的账号 / You cannot disable your own account');
  });
});

describe('no password hash ever leaves the API', () => {
  it('no response of this file carried a hash or a hash field', () => {
    expect(a.bodies.length).toBeGreaterThan(MIN_BODIES);
    const text = JSON.stringify(a.bodies);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/password_?hash/i);
  });
});
