import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PASSWORD } from '../fixtures.js';
import { createTestApp, realPostgres, type TestApp } from '../test-app.js';
import { type AccountsWorld, seedAccounts } from '../users-fixtures.js';

/** Passwords: a manager's reset, one's own change, and the last enabled system admin. */
let t: TestApp;
let a: AccountsWorld;

beforeAll(async () => {
  t = await createTestApp();
  a = await seedAccounts(t);
});
afterAll(() => t?.close());

const MIN_BODIES = 20;

describe('password reset by a manager', () => {
  it('a generated password replaces the old one and ends the account’s sessions', async () => {
    const res = await a.call(
      'post',
      `/api/users/${a.ids['unit-b']}/password-reset`,
      a.w.tokens.district,
      {},
    );
    expect(res.status).toBe(200);
    expect(res.body.password).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(res.body.endedSessions).toBe(1);
    expect((await a.call('get', '/api/auth/me', a.w.tokens.unitB)).status).toBe(401);
    expect((await a.login('unit-b')).status).toBe(401);
    expect((await a.login('unit-b', res.body.password)).status).toBe(200);
    const [audit] = await t.sql<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE action = 'reset_password' AND entity_id = $1`,
      [a.ids['unit-b']],
    );
    expect(audit?.after).toEqual({ passwordGenerated: true, endedSessions: 1 });
  });

  it('a chosen password follows the policy; one’s own password is not reset here', async () => {
    const url = `/api/users/${a.ids['college-1a']}/password-reset`;
    const same = await a.call('post', url, a.tokens.university, { password: 'College-1A' });
    expect(same.status).toBe(422);
    expect(same.body.fields).toEqual({
      password: '密码不能与用户名相同 / The password cannot be the username',
    });
    const chosen = await a.call('post', url, a.tokens.university, { password: 'college-1a-new' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.password).toBeNull();
    const own = await a.call(
      'post',
      `/api/users/${a.ids.admin}/password-reset`,
      a.w.tokens.admin,
      {},
    );
    expect(own.status).toBe(409);
    expect(own.body.message).toMatch(/^不能重置自己的密码/);
  });
});

describe('an initial password someone else knows must be changed first', () => {
  it('a new account’s session may only read itself, change its password or sign out (403 otherwise)', async () => {
    const created = await a.call('post', '/api/users', a.w.tokens.district, {
      username: 'school652',
      displayName: '朝阳区实验小学（总务处）',
      role: 'unit_staff',
      unitId: a.w.unitA.id,
    });
    expect(created.status).toBe(201);
    const initial = created.body.password as string;
    const token = (await a.login('school652', initial)).body.token as string;
    const me = await a.call('get', '/api/auth/me', token);
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);
    const refused = await a.call('get', '/api/cards', token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: 'password_change_required',
      message:
        '请先修改初始密码（账号设置）后再继续使用 / Change the initial password first (Account settings)',
    });
    const changed = await a.call('post', '/api/auth/password', token, {
      currentPassword: initial,
      newPassword: 'school652-own-password',
    });
    expect(changed.status).toBe(204);
    expect((await a.call('get', '/api/auth/me', token)).body.mustChangePassword).toBe(false);
    expect((await a.call('get', '/api/cards', token)).status).toBe(200);
    const listed = await a.call(
      'get',
      `/api/users/${created.body.account.id}`,
      a.w.tokens.district,
    );
    expect(listed.body.mustChangePassword).toBe(false);
  });

  it('a manager’s reset asks for a change again, a chosen password too; the demo-style seeded accounts do not', async () => {
    const reset = await a.call(
      'post',
      `/api/users/${a.ids['college-1a']}/password-reset`,
      a.tokens.university,
      { password: 'college-1a-reset' },
    );
    expect(reset.status).toBe(200);
    expect(reset.body.account.mustChangePassword).toBe(true);
    const token = (await a.login('college-1a', 'college-1a-reset')).body.token as string;
    expect((await a.call('get', '/api/students', token)).status).toBe(403);
    expect((await a.call('post', '/api/auth/logout', token)).status).toBe(204);
    expect((await a.call('get', '/api/auth/me', a.tokens.university)).body.mustChangePassword).toBe(
      false,
    );
  });
});

describe('changing one’s own password (POST /api/auth/password)', () => {
  it('needs the right current password; other sessions end, this one stays', async () => {
    const first = (await a.login('hd-school')).body.token as string;
    const second = (await a.login('hd-school')).body.token as string;
    const url = '/api/auth/password';
    const wrong = await a.call('post', url, first, {
      currentPassword: 'not-my-password',
      newPassword: 'hd-school-2025',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.fields).toEqual({
      currentPassword: '当前密码不正确 / The current password is wrong',
    });
    // A wrong current password is no reason to sign the caller out.
    expect((await a.call('get', '/api/auth/me', first)).status).toBe(200);
    const empty = await a.call('post', url, first, {});
    expect(Object.keys(empty.body.fields).sort()).toEqual(['currentPassword', 'newPassword']);
    const ok = await a.call('post', url, first, {
      currentPassword: PASSWORD,
      newPassword: 'hd-school-2025',
    });
    expect(ok.status).toBe(204);
    expect((await a.call('get', '/api/auth/me', first)).status).toBe(200);
    expect((await a.call('get', '/api/auth/me', second)).status).toBe(401);
    expect((await a.login('hd-school')).status).toBe(401);
    expect((await a.login('hd-school', 'hd-school-2025')).status).toBe(200);
    const audit = await t.sql<{ actor_user_id: string; after: unknown }>(
      `SELECT actor_user_id, after FROM audit_log WHERE action = 'change_password' AND entity_id = $1`,
      [a.ids['hd-school']],
    );
    expect(audit).toEqual([{ actor_user_id: a.ids['hd-school'], after: { endedSessions: 1 } }]);
  });

  it('the new password may not be the username', async () => {
    const res = await a.call('post', '/api/auth/password', a.tokens.university, {
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
      const res = await a.call('post', '/api/auth/password', a.w.tokens.unitA, {
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
      const created = await a.call('post', '/api/users', a.w.tokens.admin, {
        username: 'admin-2',
        displayName: '系统管理员（二）',
        role: 'system_admin',
        password: 'admin-2-password',
      });
      expect(created.status).toBe(201);
      const admin2 = (await a.login('admin-2', 'admin-2-password')).body.token as string;
      const changed = await a.call('post', '/api/auth/password', admin2, {
        currentPassword: 'admin-2-password',
        newPassword: 'admin-2-own-password',
      });
      expect(changed.status).toBe(204);
      // Hold the admins' rows so both requests are inside their transactions before either acts.
      const holder = new pg.Client({ connectionString: t.runtime.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(
          "SELECT id FROM app_user WHERE role = 'system_admin' AND NOT disabled FOR UPDATE",
        );
        const racing = Promise.all([
          a.call('post', `/api/users/${created.body.account.id}/disable`, a.w.tokens.admin),
          a.call('post', `/api/users/${a.ids.admin}/disable`, admin2),
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
    expect(a.bodies.length).toBeGreaterThan(MIN_BODIES);
    const text = JSON.stringify(a.bodies);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/password_?hash/i);
  });
});
