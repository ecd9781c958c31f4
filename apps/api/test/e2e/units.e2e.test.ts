import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await seedBasics(t);
});
afterAll(() => t?.close());

describe('units: scoped lists, N-2.2a routing by card-eligible count, designated person', () => {
  it('district staff list their district’s units with count and route; other districts see none', async () => {
    const res = await t.http.get('/api/units?sort=name').set(bearer(w.tokens.district));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items[0]).toMatchObject({ eligibleCount: 0, route: 'pickup' });
    const other = await t.http.get('/api/units').set(bearer(w.tokens.otherDistrict));
    expect(other.body.total).toBe(0);
  });

  it('unit staff see only their own unit; another unit is a 404', async () => {
    const list = await t.http.get('/api/units').set(bearer(w.tokens.unitA));
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([w.unitA.id]);
    expect((await t.http.get(`/api/units/${w.unitB.id}`).set(bearer(w.tokens.unitA))).status).toBe(
      404,
    );
    expect(
      (await t.http.get(`/api/units/${w.unitA.id}`).set(bearer(w.tokens.otherDistrict))).status,
    ).toBe(404);
    expect((await t.http.get('/api/units/not-a-uuid').set(bearer(w.tokens.unitA))).status).toBe(
      404,
    );
  });

  it('search matches name or registration code', async () => {
    const res = await t.http.get('/api/units?search=幼儿园').set(bearer(w.tokens.district));
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([w.unitB.id]);
    const byCode = await t.http.get('/api/units?search=500001').set(bearer(w.tokens.district));
    expect(byCode.body.total).toBe(1);
  });

  it('creates a unit in the own district only, with field errors in Chinese and English', async () => {
    const ok = await t.http.post('/api/units').set(bearer(w.tokens.district)).send({
      name: '朝阳区第三小学',
      kind: 'school',
      registrationCode: '1101 0500 003',
      districtCode: '110105',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ registrationCode: '11010500003', route: 'pickup' });
    const dup = await t.http.post('/api/units').set(bearer(w.tokens.district)).send({
      name: '重复',
      kind: 'school',
      registrationCode: '11010500003',
      districtCode: '110105',
    });
    expect(dup.status).toBe(422);
    expect(dup.body.fields.registrationCode).toContain('已存在');
    const elsewhere = await t.http.post('/api/units').set(bearer(w.tokens.district)).send({
      name: '海淀某校',
      kind: 'school',
      registrationCode: '11010800009',
      districtCode: '110108',
    });
    expect(elsewhere.status).toBe(422);
    const bad = await t.http
      .post('/api/units')
      .set(bearer(w.tokens.district))
      .send({ kind: 'castle' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      'districtCode',
      'kind',
      'name',
      'registrationCode',
    ]);
    expect((await t.http.post('/api/units').set(bearer(w.tokens.unitA)).send({})).status).toBe(403);
  });

  it('N-2.3 the unit names its designated person; the change is audited', async () => {
    const res = await t.http
      .put(`/api/units/${w.unitB.id}/designated-person`)
      .set(bearer(w.tokens.unitB))
      .send({ name: '王园长', phone: '010-6500 0000' });
    expect(res.status).toBe(200);
    expect(res.body.designatedPerson).toEqual({ name: '王园长', phone: '01065000000' });
    const audit = await t.sql<{ action: string; actor_role: string }>(
      `SELECT action, actor_role FROM audit_log WHERE entity = 'unit' AND entity_id = $1`,
      [w.unitB.id],
    );
    expect(audit).toEqual([{ action: 'set_designated_person', actor_role: 'unit_staff' }]);
    const foreign = await t.http
      .put(`/api/units/${w.unitA.id}/designated-person`)
      .set(bearer(w.tokens.unitB))
      .send({ name: 'x', phone: '13800000000' });
    expect(foreign.status).toBe(404);
  });
});

describe('districts and their service points (N-2.4d)', () => {
  it('district staff see their own district with its service points; the admin sees all', async () => {
    const own = await t.http.get('/api/districts').set(bearer(w.tokens.district));
    expect(own.status).toBe(200);
    expect(own.body).toHaveLength(1);
    expect(own.body[0]).toMatchObject({ id: '110105', nameZh: '朝阳区' });
    expect(own.body[0].servicePoints[0]).toMatchObject({
      name: '八里庄街道社保卡服务网点',
      streetOffice: '八里庄街道',
    });
    const other = await t.http.get('/api/districts').set(bearer(w.tokens.otherDistrict));
    expect(other.body.map((d: { id: string }) => d.id)).toEqual(['110108']);
    const all = await t.http.get('/api/districts').set(bearer(w.tokens.admin));
    expect(all.body.map((d: { id: string }) => d.id)).toEqual(['110105', '110108']);
    expect((await t.http.get('/api/districts')).status).toBe(401);
  });
});
