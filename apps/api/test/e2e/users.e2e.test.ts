import pg from 'pg';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../../src/modules/auth/password-hasher.js';
import { bearer, type BasicWorld, PASSWORD, seedBasics } from '../fixtures.js';
import { createTestApp, realPostgres, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
/** Haidian's universities, colleges and school, and the accounts on them. */
const hd = {
  university: '',
  otherUniversity: '',
  collegeA: '',
  collegeB: '',
  otherCollege: '',
  school: '',
};
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
/** Every response body of this file: none may carry a password hash. */
const bodies: unknown[] = [];

async function call(
  method: 'get' | 'post',
  path: string,
  token?: string,
  body?: object,
): Promise<Response> {
  let req = t.http[method](path);
  if (token) req = req.set(bearer(token));
  const res = await (body === undefined ? req : req.send(body));
  bodies.push(res.body);
  return res;
}

async function login(username: string, password = PASSWORD): Promise<Response> {
  return call('post', '/api/auth/login', undefined, { username, password });
}

async function insertUnit(name: string, kind: string, code: string, parent: string | null) {
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO unit (district_id, parent_unit_id, name, kind, registration_code)
     VALUES ('110108', $1, $2, $3, $4) RETURNING id`,
    [parent, name, kind, code],
  );
  if (!row) throw new Error('unit insert failed');
  return row.id;
}

const usernames = (res: Response) =>
  (res.body.items as { username: string }[]).map((u) => u.username);

beforeAll(async () => {
  t = await createTestApp();
  w = await seedBasics(t);
  hd.university = await insertUnit('北京示范大学', 'university', '11010830000', null);
  hd.otherUniversity = await insertUnit('北京另一大学', 'university', '11010840000', null);
  hd.collegeA = await insertUnit('计算机学院', 'college', '11010830001', hd.university);
  hd.collegeB = await insertUnit('外国语学院', 'college', '11010830002', hd.university);
  hd.otherCollege = await insertUnit(
    '另一大学法学院',
    'college',
    '11010840001',
    hd.otherUniversity,
  );
  hd.school = await insertUnit('海淀区中关村第一小学', 'school', '11010820001', null);
  const hash = await passwordHasher.hash(PASSWORD);
  await t.sql(
    `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id) VALUES
      ('university', '示范大学医保办', $1, 'university_staff', '110108', $2),
      ('college-1a', '计算机学院', $1, 'college_staff', '110108', $3),
      ('other-college', '另一大学法学院', $1, 'college_staff', '110108', $4),
      ('hd-school', '中关村第一小学', $1, 'unit_staff', '110108', $5)`,
    [hash, hd.university, hd.collegeA, hd.otherCollege, hd.school],
  );
  for (const row of await t.sql<{ id: string; username: string }>(
    'SELECT id, username FROM app_user',
  ))
    ids[row.username] = row.id;
  for (const username of ['university', 'college-1a'])
    tokens[username] = (await login(username)).body.token;
});
afterAll(() => t?.close());

describe('who may manage whom: lists (the rules’ ACCOUNT_MANAGEMENT)', () => {
  it('the admin lists every account; district staff their district’s unit, university and college staff', async () => {
    const all = await call('get', '/api/users?pageSize=200&sort=username', w.tokens.admin);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(9);
    const chaoyang = await call('get', '/api/users?sort=username', w.tokens.district);
    expect(usernames(chaoyang)).toEqual(['unit-a', 'unit-b']);
    const haidian = await call('get', '/api/users?sort=username', w.tokens.otherDistrict);
    expect(usernames(haidian)).toEqual(['college-1a', 'hd-school', 'other-college', 'university']);
  });

  it('university staff list the college staff of their own university only', async () => {
    const res = await call('get', '/api/users', tokens.university);
    expect(usernames(res)).toEqual(['college-1a']);
    expect(res.body.items[0]).toMatchObject({
      role: 'college_staff',
      districtId: '110108',
      unit: { id: hd.collegeA, name: '计算机学院', kind: 'college' },
      disabled: false,
      activeSessions: 1,
    });
  });

  it('unit and college staff manage nobody (403); no session is a 401', async () => {
    expect((await call('get', '/api/users', w.tokens.unitA)).status).toBe(403);
    expect((await call('get', '/api/users', tokens['college-1a'])).status).toBe(403);
    expect((await call('post', `/api/users/${ids['unit-b']}/disable`, w.tokens.unitA)).status).toBe(
      403,
    );
    expect((await call('get', '/api/users')).status).toBe(401);
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
    const token = who === 'university' ? (tokens.university ?? '') : w.tokens[who];
    const id = ids[target];
    expect((await call('get', `/api/users/${id}`, token)).status).toBe(404);
    const disable = await call('post', `/api/users/${id}/disable`, token);
    expect(disable.status).toBe(404);
    expect(disable.body.message).toBe('账号不存在 / Account not found');
    expect((await call('post', `/api/users/${id}/enable`, token)).status).toBe(404);
    expect((await call('post', `/api/users/${id}/password-reset`, token, {})).status).toBe(404);
    const [row] = await t.sql<{ disabled: boolean }>(
      'SELECT disabled FROM app_user WHERE id = $1',
      [id],
    );
    expect(row?.disabled).toBe(false);
  });

  it('an unknown or malformed id is a 404 too', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('get', `/api/users/${unknown}`, w.tokens.admin)).status).toBe(404);
    expect((await call('get', '/api/users/not-a-uuid', w.tokens.admin)).status).toBe(404);
  });
});

describe('the units an account can be attached to', () => {
  const names = (res: Response) => (res.body as { name: string }[]).map((u) => u.name);

  it('follow the role’s unit kinds and the caller’s reach', async () => {
    const q = (role: string) => `/api/users/unit-options?role=${role}`;
    expect(names(await call('get', q('unit_staff'), w.tokens.district))).toEqual([
      '朝阳区实验小学',
      '朝阳区第二幼儿园',
    ]);
    expect(names(await call('get', q('university_staff'), w.tokens.otherDistrict))).toEqual([
      '北京另一大学',
      '北京示范大学',
    ]);
    expect(names(await call('get', q('unit_staff'), w.tokens.otherDistrict))).toEqual([
      '海淀区中关村第一小学',
    ]);
    expect(names(await call('get', q('college_staff'), tokens.university))).toEqual([
      '外国语学院',
      '计算机学院',
    ]);
    expect(names(await call('get', q('unit_staff'), tokens.university))).toEqual([]);
    const search = await call('get', `${q('unit_staff')}&search=10500002`, w.tokens.district);
    expect(names(search)).toEqual(['朝阳区第二幼儿园']);
    const bad = await call('get', '/api/users/unit-options', w.tokens.district);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toEqual(['role']);
  });
});

describe('creating accounts', () => {
  it('refuses bad input field by field, in Chinese with English', async () => {
    const res = await call('post', '/api/users', w.tokens.district, {
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
    const scope = await call('post', '/api/users', w.tokens.district, {
      username: 'someone',
      displayName: '某人',
      role: 'unit_staff',
    });
    expect(scope.body.fields).toEqual({
      unitId: '请选择账号所属单位 / Choose the unit of the account',
    });
    const same = await call('post', '/api/users', w.tokens.district, {
      username: 'school6510',
      displayName: '某人',
      role: 'unit_staff',
      unitId: w.unitA.id,
      password: 'School6510',
    });
    expect(same.body.fields).toEqual({
      password: '密码不能与用户名相同 / The password cannot be the username',
    });
  });

  it('refuses roles and units beyond the caller’s reach', async () => {
    const base = { username: 'someone', displayName: '某人' };
    const role = await call('post', '/api/users', w.tokens.district, {
      ...base,
      role: 'district_staff',
      districtId: '110105',
    });
    expect(role.status).toBe(422);
    expect(role.body.fields).toEqual({
      role: '您不能创建该角色的账号 / You cannot create accounts of this role',
    });
    const elsewhere = await call('post', '/api/users', w.tokens.district, {
      ...base,
      role: 'unit_staff',
      unitId: hd.school,
    });
    expect(elsewhere.body.fields).toEqual({ unitId: '所属单位不存在 / Unit not found' });
    const wrongKind = await call('post', '/api/users', w.tokens.otherDistrict, {
      ...base,
      role: 'unit_staff',
      unitId: hd.university,
    });
    expect(wrongKind.body.fields.unitId).toMatch(/^参保单位账号不能属于高校或学院/);
    const otherUniversity = await call('post', '/api/users', tokens.university, {
      ...base,
      role: 'college_staff',
      unitId: hd.otherCollege,
    });
    expect(otherUniversity.body.fields).toEqual({ unitId: '所属单位不存在 / Unit not found' });
    const notSetUp = await call('post', '/api/users', w.tokens.admin, {
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
    const res = await call('post', '/api/users', w.tokens.district, {
      username: 'school651',
      displayName: '朝阳区实验小学（教务处）',
      role: 'unit_staff',
      unitId: w.unitA.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({
      username: 'school651',
      role: 'unit_staff',
      districtId: '110105',
      unit: { id: w.unitA.id, name: '朝阳区实验小学', kind: 'school' },
      disabled: false,
      activeSessions: 0,
    });
    expect(res.body.password).toMatch(/^[A-Za-z2-9]{14}$/);
    ids.school651 = res.body.account.id;
    const signedIn = await login('school651', res.body.password);
    expect(signedIn.status).toBe(200);
    tokens.school651 = signedIn.body.token;
    expect(signedIn.body.user).toMatchObject({ role: 'unit_staff', unitId: w.unitA.id });
    const again = await call('post', '/api/users', w.tokens.district, {
      username: 'school651',
      displayName: '重复',
      role: 'unit_staff',
      unitId: w.unitA.id,
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
    const college = await call('post', '/api/users', tokens.university, {
      username: 'college-1b',
      displayName: '外国语学院',
      role: 'college_staff',
      unitId: hd.collegeB,
      password: 'college-1b-2025',
    });
    expect(college.status).toBe(201);
    expect(college.body.password).toBeNull();
    expect((await login('college-1b', 'college-1b-2025')).status).toBe(200);
    const district = await call('post', '/api/users', w.tokens.admin, {
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
      { entity_id: ids.school651, actor_role: 'district_staff', district_id: '110105' },
      { entity_id: college.body.account.id, actor_role: 'university_staff', district_id: '110108' },
      { entity_id: district.body.account.id, actor_role: 'system_admin', district_id: '110105' },
    ]);
  });
});

describe('the list pages, sorts, searches and filters on the server', () => {
  it('search by username or display name, sort, page', async () => {
    const page = await call(
      'get',
      '/api/users?search=school&sort=username&order=desc&pageSize=1',
      w.tokens.admin,
    );
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(usernames(page)).toEqual(['school651']);
    const byName = await call(
      'get',
      `/api/users?search=${encodeURIComponent('学院')}`,
      w.tokens.admin,
    );
    expect(usernames(byName).sort()).toEqual(['college-1a', 'college-1b', 'other-college']);
  });

  it('filter by role, unit and disabled; bad filters are field errors', async () => {
    const colleges = await call(
      'get',
      '/api/users?role=college_staff&sort=username',
      w.tokens.admin,
    );
    expect(usernames(colleges)).toEqual(['college-1a', 'college-1b', 'other-college']);
    const unit = await call(
      'get',
      `/api/users?unitId=${w.unitA.id}&sort=username`,
      w.tokens.district,
    );
    expect(usernames(unit)).toEqual(['school651', 'unit-a']);
    expect((await call('get', '/api/users?disabled=true', w.tokens.admin)).body.total).toBe(0);
    const bad = await call('get', '/api/users?sort=password&disabled=maybe&role=x', w.tokens.admin);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['disabled', 'role', 'sort']);
  });
});

describe('disable and enable', () => {
  it('disabling ends the account’s sessions at once: the old token is a 401', async () => {
    const id = ids.school651;
    expect((await call('get', '/api/auth/me', tokens.school651)).status).toBe(200);
    const res = await call('post', `/api/users/${id}/disable`, w.tokens.district);
    expect(res.status).toBe(200);
    expect(res.body.endedSessions).toBe(1);
    expect(res.body.account).toMatchObject({ disabled: true, activeSessions: 0 });
    expect((await call('get', '/api/auth/me', tokens.school651)).status).toBe(401);
    expect(await t.sql('SELECT 1 FROM user_session WHERE user_id = $1', [id])).toEqual([]);
    const list = await call('get', '/api/users?disabled=true', w.tokens.district);
    expect(usernames(list)).toEqual(['school651']);
    const twice = await call('post', `/api/users/${id}/disable`, w.tokens.district);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该账号已停用 / This account is already disabled');
  });

  it('enabling lets the account sign in again; both changes are audited', async () => {
    const id = ids.school651;
    const enabled = await call('post', `/api/users/${id}/enable`, w.tokens.district);
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabled).toBe(false);
    expect((await call('post', `/api/users/${id}/enable`, w.tokens.district)).status).toBe(409);
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
    const res = await call('post', `/api/users/${ids.admin}/disable`, w.tokens.admin);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('不能停用自己的账号 / You cannot disable your own account');
  });
});

describe('password reset by a manager', () => {
  it('a generated password replaces the old one and ends the account’s sessions', async () => {
    const res = await call(
      'post',
      `/api/users/${ids['unit-b']}/password-reset`,
      w.tokens.district,
      {},
    );
    expect(res.status).toBe(200);
    expect(res.body.password).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(res.body.endedSessions).toBe(1);
    expect((await call('get', '/api/auth/me', w.tokens.unitB)).status).toBe(401);
    expect((await login('unit-b')).status).toBe(401);
    expect((await login('unit-b', res.body.password)).status).toBe(200);
    const [audit] = await t.sql<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE action = 'reset_password' AND entity_id = $1`,
      [ids['unit-b']],
    );
    expect(audit?.after).toEqual({ passwordGenerated: true, endedSessions: 1 });
  });

  it('a chosen password follows the policy; one’s own password is not reset here', async () => {
    const url = `/api/users/${ids['college-1a']}/password-reset`;
    const same = await call('post', url, tokens.university, { password: 'College-1A' });
    expect(same.status).toBe(422);
    expect(same.body.fields).toEqual({
      password: '密码不能与用户名相同 / The password cannot be the username',
    });
    const chosen = await call('post', url, tokens.university, { password: 'college-1a-new' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.password).toBeNull();
    const own = await call('post', `/api/users/${ids.admin}/password-reset`, w.tokens.admin, {});
    expect(own.status).toBe(409);
    expect(own.body.message).toMatch(/^不能重置自己的密码/);
  });
});

describe('changing one’s own password (POST /api/auth/password)', () => {
  it('needs the right current password; other sessions end, this one stays', async () => {
    const first = (await login('hd-school')).body.token as string;
    const second = (await login('hd-school')).body.token as string;
    const url = '/api/auth/password';
    const wrong = await call('post', url, first, {
      currentPassword: 'not-my-password',
      newPassword: 'hd-school-2025',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.fields).toEqual({
      currentPassword: '当前密码不正确 / The current password is wrong',
    });
    // A wrong current password is no reason to sign the caller out.
    expect((await call('get', '/api/auth/me', first)).status).toBe(200);
    const empty = await call('post', url, first, {});
    expect(Object.keys(empty.body.fields).sort()).toEqual(['currentPassword', 'newPassword']);
    const ok = await call('post', url, first, {
      currentPassword: PASSWORD,
      newPassword: 'hd-school-2025',
    });
    expect(ok.status).toBe(204);
    expect((await call('get', '/api/auth/me', first)).status).toBe(200);
    expect((await call('get', '/api/auth/me', second)).status).toBe(401);
    expect((await login('hd-school')).status).toBe(401);
    expect((await login('hd-school', 'hd-school-2025')).status).toBe(200);
    const audit = await t.sql<{ actor_user_id: string; after: unknown }>(
      `SELECT actor_user_id, after FROM audit_log WHERE action = 'change_password'`,
    );
    expect(audit).toEqual([{ actor_user_id: ids['hd-school'], after: { endedSessions: 1 } }]);
  });

  it('the new password may not be the username', async () => {
    const res = await call('post', '/api/auth/password', tokens.university, {
      currentPassword: PASSWORD,
      newPassword: 'University',
    });
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({
      newPassword: '密码不能与用户名相同 / The password cannot be the username',
    });
  });

  it('is rate-limited per account like sign-in (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 11; i += 1) {
      const res = await call('post', '/api/auth/password', w.tokens.unitA, {
        currentPassword: `guess-${i}`,
        newPassword: 'unit-a-password-2025',
      });
      statuses.push(res.status);
      retryAfter = res.headers['retry-after'];
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422));
    expect(statuses[10]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('the last enabled system admin', () => {
  it.skipIf(!realPostgres)(
    'two admins disabling each other at once: one succeeds, the other is refused as the last admin (real PostgreSQL only: PGlite serves a single connection, so requests cannot race)',
    async () => {
      const created = await call('post', '/api/users', w.tokens.admin, {
        username: 'admin-2',
        displayName: '系统管理员（二）',
        role: 'system_admin',
        password: 'admin-2-password',
      });
      expect(created.status).toBe(201);
      const admin2 = (await login('admin-2', 'admin-2-password')).body.token as string;
      // Hold the admins' rows so both requests are inside their transactions before either acts.
      const holder = new pg.Client({ connectionString: t.runtime.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(
          "SELECT id FROM app_user WHERE role = 'system_admin' AND NOT disabled FOR UPDATE",
        );
        const racing = Promise.all([
          call('post', `/api/users/${created.body.account.id}/disable`, w.tokens.admin),
          call('post', `/api/users/${ids.admin}/disable`, admin2),
        ]);
        await expect
          .poll(
            async () =>
              // Not on the holder: inside a transaction, pg_stat_activity is read once and kept.
              (
                await t.sql<{ n: number }>(
                  `SELECT count(*)::int AS n FROM pg_stat_activity
                   WHERE datname = current_database() AND wait_event_type = 'Lock'`,
                )
              )[0]?.n,
            { timeout: 20_000 },
          )
          .toBe(2);
        await holder.query('COMMIT');
        const results = await racing;
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(results.find((r) => r.status === 409)?.body.message).toBe(
          '不能停用最后一个启用的系统管理员账号 / The last enabled system admin cannot be disabled',
        );
      } finally {
        await holder.end();
      }
      const [enabled] = await t.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM app_user WHERE role = 'system_admin' AND NOT disabled",
      );
      expect(enabled?.n).toBe(1);
    },
  );
});

describe('no password hash ever leaves the API', () => {
  it('no response of this file carried a hash or a hash field', () => {
    expect(bodies.length).toBeGreaterThan(50);
    const text = JSON.stringify(bodies);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/password_?hash/i);
  });
});
