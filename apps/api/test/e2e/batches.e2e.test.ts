import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMadeCards, insertUnit } from '../card-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let unitC: { id: string; code: string };
const TODAY = '2011-01-05';
const NOTICE = { pickupPlace: '朝阳区社保中心一层大厅', pickupDeadline: '2011-01-10' };
const batchOf: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

// card_current: the effective states (dispatch writes no card row; the view shows the batch).
const cardStates = (unitId: string) =>
  t.sql<{ state: string; count: number }>(
    'SELECT state, count(*)::int AS count FROM card_current WHERE made_for_unit_id = $1 GROUP BY state ORDER BY state',
    [unitId],
  );

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: TODAY });
  w = await seedBasics(t);
  unitC = await insertUnit(t, {
    districtId: '110105',
    name: '朝阳区第三小学',
    code: '11010500003',
  });
  const unitD = await insertUnit(t, {
    districtId: '110108',
    name: '海淀某校',
    code: '11010800001',
  });
  await insertMadeCards(t, { districtId: '110105', unitId: w.unitA.id, count: 650 });
  await insertMadeCards(t, { districtId: '110105', unitId: w.unitB.id, count: 600 });
  await insertMadeCards(t, { districtId: '110105', unitId: unitC.id, count: 599 });
  await insertMadeCards(t, {
    districtId: '110105',
    unitId: unitC.id,
    count: 2,
    state: 'not_made_data_problem',
  });
  await insertMadeCards(t, { districtId: '110108', unitId: unitD.id, count: 10 });
});
afterAll(() => t?.close());

describe('POST /api/batches/dispatch — N-2.2a/N-2.2b routing of a whole district', () => {
  it('422 on bad input, for the admin without a district, and for another district', async () => {
    const bad = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.district))
      .send({ pickupDeadline: '2011-02-30' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['pickupDeadline', 'pickupPlace']);
    const past = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.district))
      .send({ ...NOTICE, pickupDeadline: '2011-01-04' });
    expect(past.status).toBe(422);
    expect(past.body.fields.pickupDeadline).toContain('不能早于今天');
    const admin = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.admin))
      .send(NOTICE);
    expect(admin.status).toBe(422);
    expect(admin.body.fields).toHaveProperty('districtId');
    const unknown = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.admin))
      .send({ ...NOTICE, districtId: '999999' });
    expect(unknown.status).toBe(422);
    const other = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.district))
      .send({ ...NOTICE, districtId: '110108' });
    expect(other.status).toBe(422);
    const unit = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.unitA))
      .send(NOTICE);
    expect(unit.status).toBe(403);
  });

  it('N-2.2a/N-2.2b 650 and 600 cards → direct delivery, 599 → pickup; one batch per unit', async () => {
    const res = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.district))
      .set('Idempotency-Key', 'dispatch-1')
      .send(NOTICE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      batchCount: 3,
      cardCount: 1849,
      byRoute: { direct_delivery: 2, pickup: 1 },
    });
    const batches = await t.sql<{
      id: string;
      unit_id: string;
      number: string;
      route: string;
      state: string;
      card_count: number;
      pickup_place: string | null;
    }>(
      'SELECT id, unit_id, number, route, state, card_count, pickup_place FROM batch ORDER BY number',
    );
    expect(batches.map((b) => [b.number, b.route, b.state, b.card_count])).toEqual([
      ['110105-20110105-0001', 'direct_delivery', 'awaiting_receiver', 650],
      ['110105-20110105-0002', 'direct_delivery', 'awaiting_receiver', 600],
      ['110105-20110105-0003', 'pickup', 'awaiting_pickup', 599],
    ]);
    expect(batches[2]?.pickup_place).toBe(NOTICE.pickupPlace);
    for (const b of batches) {
      if (b.unit_id === w.unitA.id) batchOf.A = b.id;
      if (b.unit_id === w.unitB.id) batchOf.B = b.id;
      if (b.unit_id === unitC.id) batchOf.C = b.id;
    }
    // N-2.2a: direct-delivery cards stay in the batch; N-2.2b: pickup cards await the unit.
    expect(await cardStates(w.unitA.id)).toEqual([{ state: 'in_batch', count: 650 }]);
    expect(await cardStates(unitC.id)).toEqual([
      { state: 'awaiting_pickup', count: 599 },
      { state: 'not_made_data_problem', count: 2 },
    ]);
    const [otherDistrict] = await t.sql<{ made: number }>(
      `SELECT count(*)::int AS made FROM card_current WHERE district_id = '110108' AND state = 'made'`,
    );
    expect(otherDistrict?.made).toBe(10);
    const audit = await t.sql<{ entity: string; count: number }>(
      `SELECT entity, count(*)::int AS count FROM audit_log WHERE action = 'dispatch' GROUP BY entity ORDER BY entity`,
    );
    expect(audit).toEqual([
      { entity: 'batch', count: 3 },
      { entity: 'dispatch', count: 1 },
    ]);
    // A retry with the same key returns the first result instead of dispatching again.
    const retry = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.district))
      .set('Idempotency-Key', 'dispatch-1')
      .send(NOTICE);
    expect(retry.status).toBe(201);
    expect(retry.body.dispatchId).toBe(res.body.dispatchId);
  });

  it('N-2.2a/N-2.2b each unit gets its notice: name a receiver, or collect with the credentials', async () => {
    const notices = await t.http.get('/api/notices').set(bearer(w.tokens.district));
    expect(notices.status).toBe(200);
    expect(notices.body.total).toBe(3);
    const own = await t.http.get('/api/notices').set(bearer(w.tokens.unitA));
    expect(own.body.items.map((n: { kind: string }) => n.kind)).toEqual(['name_receiver']);
    const pickup = await t.http
      .get(`/api/notices?kind=pickup&batchId=${batchOf.C}`)
      .set(bearer(w.tokens.district));
    expect(pickup.body.total).toBe(1);
    const body = pickup.body.items[0].body;
    expect(body).toMatchObject({ place: NOTICE.pickupPlace, deadline: '2011-01-10' });
    expect(body.message).toContain('社会保险登记证');
    expect(body.message).toContain('单位介绍信');
    expect(body.message).toContain(unitC.code);
    expect(body.credentials).toHaveLength(2);
    expect((await t.http.get('/api/notices').set(bearer(w.tokens.otherDistrict))).body.total).toBe(
      0,
    );
    const bad = await t.http
      .get('/api/notices?kind=letter&batchId=x')
      .set(bearer(w.tokens.district));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['batchId', 'kind']);
  });

  it('a second dispatch with nothing made is a 409', async () => {
    const res = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.district))
      .send(NOTICE);
    expect(res.status).toBe(409);
  });
});

describe('GET /api/batches — scoped lists and details', () => {
  it('lists, filters and sorts; unit staff see their own batches only', async () => {
    const all = await t.http
      .get('/api/batches?sort=cardCount&order=desc')
      .set(bearer(w.tokens.district));
    expect(all.status).toBe(200);
    expect(all.body.items.map((b: { cardCount: number }) => b.cardCount)).toEqual([650, 600, 599]);
    const pickups = await t.http.get('/api/batches?route=pickup').set(bearer(w.tokens.district));
    expect(pickups.body.items.map((b: { id: string }) => b.id)).toEqual([batchOf.C]);
    const own = await t.http.get('/api/batches').set(bearer(w.tokens.unitA));
    expect(own.body.items.map((b: { id: string }) => b.id)).toEqual([batchOf.A]);
    expect(own.body.items[0]).toMatchObject({
      route: 'direct_delivery',
      state: 'awaiting_receiver',
      stateLabel: { zh: '待单位指定接收人' },
      unit: { id: w.unitA.id, registrationCode: w.unitA.code },
    });
    expect((await t.http.get('/api/batches').set(bearer(w.tokens.otherDistrict))).body.total).toBe(
      0,
    );
    const bad = await t.http
      .get('/api/batches?route=boat&state=lost&unitId=1&sort=colour&pageSize=0')
      .set(bearer(w.tokens.district));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      'pageSize',
      'route',
      'sort',
      'state',
      'unitId',
    ]);
  });

  it('N-2.2a/b the batches of one dispatch, paged; another district sees none of them', async () => {
    const [dispatch] = await t.sql<{ id: string }>(
      `SELECT id FROM dispatch WHERE district_id = '110105'`,
    );
    const query = `/api/batches?dispatchId=${dispatch?.id.toUpperCase()}&sort=number&pageSize=2`;
    const first = await t.http.get(query).set(bearer(w.tokens.district));
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((b: { id: string }) => b.id)).toEqual([batchOf.A, batchOf.B]);
    expect(
      first.body.items.every((b: { dispatchId: string }) => b.dispatchId === dispatch?.id),
    ).toBe(true);
    const second = await t.http.get(`${query}&page=2`).set(bearer(w.tokens.district));
    expect(second.body.items.map((b: { id: string }) => b.id)).toEqual([batchOf.C]);
    expect((await t.http.get(query).set(bearer(w.tokens.otherDistrict))).body.total).toBe(0);
    const none = `/api/batches?dispatchId=00000000-0000-4000-8000-000000000000`;
    expect((await t.http.get(none).set(bearer(w.tokens.district))).body.total).toBe(0);
    const bad = await t.http.get('/api/batches?dispatchId=x').set(bearer(w.tokens.district));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toEqual(['dispatchId']);
  });

  it('a batch with its notices and counts by card state; outside the scope it is a 404', async () => {
    const res = await t.http.get(`/api/batches/${batchOf.C}`).set(bearer(w.tokens.district));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      route: 'pickup',
      pickupDeadline: '2011-01-10',
      cardsByState: { awaiting_pickup: 599 },
      pickup: null,
    });
    expect(res.body.notices).toHaveLength(1);
    for (const token of [w.tokens.unitA, w.tokens.otherDistrict]) {
      expect((await t.http.get(`/api/batches/${batchOf.C}`).set(bearer(token))).status).toBe(404);
      expect(
        (await t.http.get(`/api/batches/${batchOf.C}/manifest`).set(bearer(token))).status,
      ).toBe(404);
    }
    expect((await t.http.get('/api/batches/nope').set(bearer(w.tokens.district))).status).toBe(404);
  });

  it('the manifest lists the cards with masked ID numbers only', async () => {
    const res = await t.http.get(`/api/batches/${batchOf.A}/manifest`).set(bearer(w.tokens.unitA));
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('delivery_manifest');
    expect(res.body.cards).toHaveLength(650);
    expect(res.body.cards[0].idNumberMasked).toMatch(/^110105\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(res.body)).not.toMatch(/\d{17}[\dX]/);
    const notice = await t.http
      .get(`/api/batches/${batchOf.C}/manifest`)
      .set(bearer(w.tokens.district));
    expect(notice.body.kind).toBe('pickup_notice');
    expect(notice.body.notice.body.deadline).toBe('2011-01-10');
  });
});

describe('N-2.2a receiver and delivery', () => {
  it('N-2.2a delivery to the unit before a receiver is named is refused (409)', async () => {
    const res = await t.http
      .post(`/api/batches/${batchOf.A}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'unit' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'rule_refused', clause: 'N-2.2a' });
    expect(await cardStates(w.unitA.id)).toEqual([{ state: 'in_batch', count: 650 }]);
  });

  it('422 on bad receiver and delivery bodies; 404 outside the scope; 403 for unit staff', async () => {
    const bad = await t.http
      .put(`/api/batches/${batchOf.A}/receiver`)
      .set(bearer(w.tokens.unitA))
      .send({ name: '', phone: 'abc' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['name', 'phone']);
    const foreign = await t.http
      .put(`/api/batches/${batchOf.A}/receiver`)
      .set(bearer(w.tokens.unitB))
      .send({ name: '王老师', phone: '13800000002' });
    expect(foreign.status).toBe(404);
    const badDelivery = await t.http
      .post(`/api/batches/${batchOf.A}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'moon', deliveredOn: 'tomorrow' });
    expect(badDelivery.status).toBe(422);
    expect(Object.keys(badDelivery.body.fields).sort()).toEqual(['deliveredOn', 'destination']);
    const future = await t.http
      .post(`/api/batches/${batchOf.A}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'unit', deliveredOn: '2011-01-06' });
    expect(future.status).toBe(422);
    expect(future.body.fields).toHaveProperty('deliveredOn');
    const otherDistrict = await t.http
      .post(`/api/batches/${batchOf.A}/delivery`)
      .set(bearer(w.tokens.otherDistrict))
      .send({ destination: 'unit' });
    expect(otherDistrict.status).toBe(404);
    const unit = await t.http
      .post(`/api/batches/${batchOf.A}/delivery`)
      .set(bearer(w.tokens.unitA))
      .send({ destination: 'unit' });
    expect(unit.status).toBe(403);
  });

  it('N-2.2a a pickup batch gets no receiver and no vendor delivery (409)', async () => {
    const receiver = await t.http
      .put(`/api/batches/${batchOf.C}/receiver`)
      .set(bearer(w.tokens.district))
      .send({ name: '赵老师', phone: '13800000003' });
    expect(receiver.status).toBe(409);
    expect(receiver.body.clause).toBe('N-2.2a');
    const delivery = await t.http
      .post(`/api/batches/${batchOf.C}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'unit' });
    expect(delivery.status).toBe(409);
  });

  it('N-2.2a the unit names its receiver, then the vendor delivers to the unit', async () => {
    const named = await t.http
      .put(`/api/batches/${batchOf.A}/receiver`)
      .set(bearer(w.tokens.unitA))
      .send({ name: '李老师', phone: '138 0000 0001' });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({
      state: 'awaiting_delivery',
      receiver: { name: '李老师', phone: '13800000001' },
    });
    const delivered = await t.http
      .post(`/api/batches/${batchOf.A}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'unit', deliveredOn: '2011-01-05' });
    expect(delivered.status).toBe(201);
    expect(delivered.body).toMatchObject({
      cardsMoved: 650,
      batch: { state: 'at_unit', deliveredTo: 'unit' },
    });
    expect(await cardStates(w.unitA.id)).toEqual([{ state: 'at_unit', count: 650 }]);
    const again = await t.http
      .post(`/api/batches/${batchOf.A}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'unit' });
    expect(again.status).toBe(409);
    const late = await t.http
      .put(`/api/batches/${batchOf.A}/receiver`)
      .set(bearer(w.tokens.unitA))
      .send({ name: '李老师', phone: '13800000001' });
    expect(late.status).toBe(409);
    const audit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'batch' AND entity_id = $1 ORDER BY id`,
      [batchOf.A],
    );
    expect(audit.map((a) => a.action)).toEqual(['dispatch', 'name_receiver', 'deliver']);
  });

  it('N-2.2a delivered to the district centre without a receiver, the cards wait there', async () => {
    const res = await t.http
      .post(`/api/batches/${batchOf.B}/delivery`)
      .set(bearer(w.tokens.district))
      .send({ destination: 'district_centre' });
    expect(res.status).toBe(201);
    expect(res.body.batch).toMatchObject({
      state: 'awaiting_pickup',
      deliveredTo: 'district_centre',
    });
    expect(await cardStates(w.unitB.id)).toEqual([{ state: 'awaiting_pickup', count: 600 }]);
  });
});

describe('N-2.2b pickup with the unit’s credential', () => {
  const pickup = (batchId: string, body: object, key?: string) => {
    const req = t.http.post(`/api/batches/${batchId}/pickup`).set(bearer(w.tokens.district));
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it('422 on a bad body or a pickup date after today; 404 outside the scope; 403 for units', async () => {
    const bad = await pickup(batchOf.C, { credentialKind: 'passport', credentialCode: '  ' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      'collectorName',
      'credentialCode',
      'credentialKind',
    ]);
    const future = await pickup(batchOf.C, {
      credentialKind: 'registration_certificate',
      credentialCode: unitC.code,
      collectorName: '赵老师',
      pickedUpOn: '2011-01-06',
    });
    expect(future.status).toBe(422);
    expect(future.body.fields).toHaveProperty('pickedUpOn');
    const foreign = await t.http
      .post(`/api/batches/${batchOf.C}/pickup`)
      .set(bearer(w.tokens.otherDistrict))
      .send({
        credentialKind: 'registration_certificate',
        credentialCode: unitC.code,
        collectorName: 'x',
      });
    expect(foreign.status).toBe(404);
    const unit = await t.http
      .post(`/api/batches/${batchOf.C}/pickup`)
      .set(bearer(w.tokens.unitA))
      .send({});
    expect(unit.status).toBe(403);
  });

  it('N-2.2b a credential with another registration code is refused; nothing changes', async () => {
    const res = await pickup(batchOf.C, {
      credentialKind: 'introduction_letter',
      credentialCode: w.unitA.code,
      collectorName: '赵老师',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'rule_refused', clause: 'N-2.2b' });
    expect((await cardStates(unitC.id))[0]).toEqual({ state: 'awaiting_pickup', count: 599 });
    expect(await t.sql('SELECT 1 FROM pickup')).toHaveLength(0);
  });

  it('N-2.2b the right code (spaces, lower case tolerated) → cards at the unit; a retry returns the first result', async () => {
    const body = {
      credentialKind: 'introduction_letter',
      credentialCode: ' 1101 0500-003 ',
      collectorName: '赵老师',
      pickedUpOn: '2011-01-05',
    };
    const res = await pickup(batchOf.C, body, 'pickup-c-1');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      cardsMoved: 599,
      batch: { state: 'at_unit' },
      pickup: { credentialCode: '11010500003', collectorName: '赵老师', pickedUpOn: '2011-01-05' },
    });
    expect(await cardStates(unitC.id)).toEqual([
      { state: 'at_unit', count: 599 },
      { state: 'not_made_data_problem', count: 2 },
    ]);
    const retry = await pickup(batchOf.C, body, 'pickup-c-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(res.body);
    expect(await t.sql('SELECT 1 FROM pickup')).toHaveLength(1);
    const audit = await t.sql(
      `SELECT 1 FROM audit_log WHERE entity = 'batch' AND entity_id = $1 AND action = 'pickup'`,
      [batchOf.C],
    );
    expect(audit).toHaveLength(1);
    const reused = await pickup(batchOf.C, { ...body, collectorName: '别人' }, 'pickup-c-1');
    expect(reused.status).toBe(422);
    const twice = await pickup(batchOf.C, body);
    expect(twice.status).toBe(409);
    expect(twice.body.clause).toBe('N-2.2b');
  });

  it('N-2.2b letters may be lower case: the cards delivered to the centre are collected', async () => {
    await t.sql(`UPDATE unit SET registration_code = 'AB11010500002' WHERE id = $1`, [w.unitB.id]);
    const res = await pickup(batchOf.B, {
      credentialKind: 'registration_certificate',
      credentialCode: 'ab1101 0500002',
      collectorName: '王园长',
    });
    expect(res.status).toBe(201);
    expect(res.body.pickup.pickedUpOn).toBe(TODAY);
    expect(await cardStates(w.unitB.id)).toEqual([{ state: 'at_unit', count: 600 }]);
  });
});
