import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let world: BasicWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedBasics(t);
});
afterAll(() => t?.close());

describe('platform: health, docs, sign-in, errors', () => {
  it('GET /api/health answers 200 with the database up', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('sscard API');
    expect(Object.keys(res.body.paths)).toContain('/api/auth/login');
  });

  it('unknown routes are a bilingual 404', async () => {
    const res = await t.http.get('/api/no-such-thing').set(bearer(world.tokens.admin));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'not_found' });
  });

  it('signs in and out; the token then stops working', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'cy-staff', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'district_staff', districtId: '110105' });
    const me = await t.http.get('/api/auth/me').set(bearer(login.body.token));
    expect(me.body.username).toBe('cy-staff');
    expect((await t.http.post('/api/auth/logout').set(bearer(login.body.token))).status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(bearer(login.body.token))).status).toBe(401);
  });

  it('a wrong password and an unknown user get the same 401', async () => {
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ username: 'cy-staff', password: 'nope' });
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ username: 'ghost', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toBe(unknown.text);
  });

  it('bad input is a 422 field map, malformed JSON a 400 — never a 500', async () => {
    const empty = await t.http.post('/api/auth/login').send({ username: '', password: 5 });
    expect(empty.status).toBe(422);
    expect(empty.body.fields).toEqual({
      username: '请输入用户名 / Enter the username',
      password: '密码必须是文本 / Password must be text',
    });
    const malformed = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('bad_request');
  });

  it('sign-in is rate-limited per account (429 with Retry-After)', async () => {
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 12; i += 1) {
      const res = await t.http
        .post('/api/auth/login')
        .send({ username: 'unit-b', password: 'wrong' });
      last = res.status;
      retryAfter = res.headers['retry-after'];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('the audit log is append-only in the database itself', async () => {
    await t.sql(
      `INSERT INTO audit_log (actor_role, entity, entity_id, action) VALUES ('system', 'test', '1', 'probe')`,
    );
    await expect(t.sql('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.sql(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
  });
});
