import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { type AccountsWorld, seedAccounts } from '../users-fixtures.js';

/** A manager corrects an account's display name (PUT /api/users/:id/display-name). */
let t: TestApp;
let a: AccountsWorld;

beforeAll(async () => {
  t = await createTestApp();
  a = await seedAccounts(t);
});
afterAll(() => t?.close());

const rename = (id: string | undefined, token: string | undefined, body: object) =>
  t.http
    .put(`/api/users/${id}/display-name`)
    .set(bearer(token ?? ''))
    .send(body);

describe('renaming an account', () => {
  it('district staff rename a unit account of theirs; the change is audited, sessions stay', async () => {
    const before = await a.login('unit-b');
    const res = await rename(a.ids['unit-b'], a.w.tokens.district, {
      displayName: '  朝阳区第二幼儿园（保健室）  ',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: 'unit-b',
      displayName: '朝阳区第二幼儿园（保健室）',
    });
    const me = await a.call('get', '/api/auth/me', before.body.token);
    expect(me.status).toBe(200);
    expect(me.body.displayName).toBe('朝阳区第二幼儿园（保健室）');
    const audit = await t.sql<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'rename' AND entity_id = $1`,
      [a.ids['unit-b']],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toEqual({ displayName: '朝阳区第二幼儿园（保健室）' });
    // The same name again changes nothing and records nothing.
    expect((await rename(a.ids['unit-b'], a.w.tokens.district, res.body)).status).toBe(200);
    const [count] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'rename'`,
    );
    expect(count?.n).toBe(1);
  });

  it('a blank or overlong name is a field error in Chinese with English', async () => {
    const blank = await rename(a.ids['unit-b'], a.w.tokens.district, { displayName: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.fields).toEqual({
      displayName: '姓名（显示名称）不能为空 / Display name is required',
    });
    const long = await rename(a.ids['unit-b'], a.w.tokens.district, {
      displayName: '名'.repeat(101),
    });
    expect(long.status).toBe(422);
    expect(Object.keys(long.body.fields)).toEqual(['displayName']);
  });

  it('someone else’s account is a 404 and keeps its name; unit staff get 403', async () => {
    const other = await rename(a.ids['unit-a'], a.w.tokens.otherDistrict, { displayName: '改名' });
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('账号不存在 / Account not found');
    const own = await rename(a.ids['cy-staff'], a.w.tokens.district, { displayName: '改名' });
    expect(own.status).toBe(404);
    const unit = await rename(a.ids['unit-b'], a.w.tokens.unitA, { displayName: '改名' });
    expect(unit.status).toBe(403);
    const rows = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app_user WHERE display_name = '改名'`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
