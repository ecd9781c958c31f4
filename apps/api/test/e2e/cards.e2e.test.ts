import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertMadeCards,
  insertResidents,
  insertUnit,
  type ResidentSeed,
} from '../card-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let people: ResidentSeed[];
let later: ResidentSeed[];
type Six = [ResidentSeed, ResidentSeed, ResidentSeed, ResidentSeed, ResidentSeed, ResidentSeed];
// After the collection deadline (2011-01-15) and on the day returns open (N-2.4c).
const TODAY = '2011-01-21';

const row = (p: ResidentSeed, extra: Record<string, unknown> = {}) => ({
  holderName: p.name,
  idKind: 'resident',
  idNumber: p.idNumber,
  madeForUnitCode: '11010500001',
  state: 'made',
  cardNumber: `CY${p.idNumber.slice(-8)}`,
  ...extra,
});

const cardCount = async () =>
  (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM card'))[0]?.n ?? 0;

const vendorList = (token: string, cards: unknown) =>
  t.http.post('/api/cards/vendor-list').set(bearer(token)).send({ cards });

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: TODAY });
  w = await seedBasics(t);
  // N-2.4a: the children now attend unit B; their cards were made for unit A.
  people = await insertResidents(t, {
    districtId: '110105',
    currentUnitId: w.unitB.id,
    count: 6,
    namePrefix: '张小',
  });
  later = await insertResidents(t, {
    districtId: '110105',
    currentUnitId: w.unitA.id,
    count: 3,
    namePrefix: '王小',
  });
});
afterAll(() => t?.close());

describe('POST /api/cards/vendor-list — N-2.6 made and not-made cards, all or nothing', () => {
  it('422 on schema errors, naming the row index and field', async () => {
    const [a, b] = people as [ResidentSeed, ResidentSeed];
    const res = await vendorList(w.tokens.district, [
      row(a, {
        idNumber: a.idNumber.slice(0, 17) + (a.idNumber.endsWith('0') ? '1' : '0'),
        cardNumber: undefined,
      }),
      row(b, { state: 'not_made_data_problem', cardNumber: undefined }),
      { holderName: '', idKind: 'passport', state: 'lost' },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.fields).toHaveProperty('cards.0.idNumber');
    expect(res.body.fields).toHaveProperty('cards.0.cardNumber');
    expect(res.body.fields['cards.1.problem']).toContain('问题');
    expect(res.body.fields).toHaveProperty('cards.2.holderName');
    expect(res.body.fields).toHaveProperty('cards.2.idKind');
    expect(res.body.fields).toHaveProperty('cards.2.state');
    expect((await vendorList(w.tokens.district, [])).body.fields).toHaveProperty('cards');
    expect((await vendorList(w.tokens.district, 'x')).status).toBe(422);
    expect(await cardCount()).toBe(0);
  });

  it('at most 5,000 cards per request', async () => {
    const [a] = people as [ResidentSeed];
    const res = await vendorList(w.tokens.district, Array(5001).fill(row(a)));
    expect(res.status).toBe(422);
    expect(res.body.fields.cards).toContain('5000');
  });

  it('only district staff and the admin import; unit staff get 403', async () => {
    expect((await vendorList(w.tokens.unitA, [row(people[0] as ResidentSeed)])).status).toBe(403);
  });

  it('N-2.6 made cards and a card not made for a data problem are stored; one audit entry per card', async () => {
    const [a, b, c, d] = people as [ResidentSeed, ResidentSeed, ResidentSeed, ResidentSeed];
    const res = await vendorList(w.tokens.district, [
      row(a),
      row(b, { cardNumber: ` cy${b.idNumber.slice(-8)} ` }),
      row(c),
      row(d, { state: 'not_made_data_problem', cardNumber: undefined, problem: '照片不合格' }),
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ imported: 4, made: 3, notMade: 1, recollected: 0 });
    const cards = await t.sql<{
      state: string;
      card_number: string | null;
      problem: string | null;
    }>('SELECT state, card_number, problem FROM card ORDER BY card_number NULLS LAST');
    expect(cards.map((x) => x.state)).toEqual(['made', 'made', 'made', 'not_made_data_problem']);
    expect(cards[1]?.card_number).toBe(`CY${b.idNumber.slice(-8)}`);
    expect(cards[3]).toMatchObject({ card_number: null, problem: '照片不合格' });
    const audit = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'card' AND action = 'vendor_import'`,
    );
    expect(audit[0]?.n).toBe(4);
  });

  it('bad rows → 422 naming each row and field; nothing is written', async () => {
    const [a, b, , , e, f] = people as Six;
    const [x, , z] = later as [ResidentSeed, ResidentSeed, ResidentSeed];
    const before = await cardCount();
    const res = await vendorList(w.tokens.district, [
      row(e), // 0: fine on its own, but the same person as row 5
      row(x, { holderName: '李四' }), // 1: the name does not match the ID number
      row(z, { madeForUnitCode: '11010899999' }), // 2: not a unit of the district
      row(f, { cardNumber: `CY${a.idNumber.slice(-8)}` }), // 3: card number already stored
      row(a, { cardNumber: 'NEW0000001' }), // 4: the resident already has a card
      row(b, { cardNumber: 'NEW0000001', idNumber: e.idNumber, holderName: e.name }), // 5
    ]);
    expect(res.status).toBe(422);
    const fields = res.body.fields as Record<string, string>;
    expect(fields['cards.1.holderName']).toContain('姓名');
    expect(fields).toHaveProperty('cards.2.madeForUnitCode');
    expect(fields['cards.3.cardNumber']).toContain('已存在');
    expect(fields['cards.4.idNumber']).toContain('已有社保卡');
    expect(fields['cards.4.cardNumber']).toContain('4, 5');
    expect(fields['cards.5.cardNumber']).toContain('4, 5');
    expect(fields['cards.0.idNumber']).toContain('0, 5');
    expect(fields['cards.5.idNumber']).toContain('0, 5');
    expect(Object.keys(fields)).toHaveLength(8);
    expect(await cardCount()).toBe(before);
  });

  it('422 for a resident that does not exist (valid ID number, no enrolment)', async () => {
    const res = await vendorList(w.tokens.district, [
      { ...row(later[0] as ResidentSeed), idNumber: '11010519491231002X', holderName: '无此人' },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.fields['cards.0.idNumber']).toContain('没有该证件号码');
  });

  it('another district cannot make cards for this district’s units (422 on the unit code)', async () => {
    const res = await vendorList(w.tokens.otherDistrict, [row(later[0] as ResidentSeed)]);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(['cards.0.madeForUnitCode']);
  });

  it('N-2.6 a card not made for a data problem comes back made after recollection', async () => {
    const d = people[3] as ResidentSeed;
    const res = await vendorList(w.tokens.admin, [row(d)]);
    expect(res.status).toBe(201);
    expect(res.body.recollected).toBe(1);
    const [card] = await t.sql<{ state: string; problem: string | null }>(
      'SELECT c.state, c.problem FROM card c JOIN resident r ON r.id = c.resident_id WHERE r.id_number = $1',
      [d.idNumber],
    );
    expect(card).toEqual({ state: 'made', problem: null });
    const again = await vendorList(w.tokens.admin, [row(d, { cardNumber: 'OTHER00001' })]);
    expect(again.status).toBe(422);
  });
});

describe('GET /api/cards — scoped, searchable lists (N-2.4a made-for vs current unit)', () => {
  it('district staff see the cards with masked IDs, made-for and current unit', async () => {
    const res = await t.http.get('/api/cards?sort=holderName').set(bearer(w.tokens.district));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    const first = res.body.items[0];
    expect(first).toMatchObject({
      state: 'made',
      stateLabel: { zh: '已制卡', en: 'Made' },
      madeForUnit: { id: w.unitA.id, name: '朝阳区实验小学' },
      currentUnit: { id: w.unitB.id, name: '朝阳区第二幼儿园' },
      batchId: null,
      signature: null,
    });
    expect(first.idNumberMasked).toMatch(/^110105\*{8}/);
    expect(JSON.stringify(res.body)).not.toContain((people[0] as ResidentSeed).idNumber);
  });

  it('search by holder name, card number, or the FULL ID number only', async () => {
    const p = people[1] as ResidentSeed;
    const q = (search: string) =>
      t.http.get('/api/cards').query({ search }).set(bearer(w.tokens.district));
    expect((await q(p.name)).body.total).toBe(1);
    expect((await q(p.idNumber.slice(-8).toLowerCase())).body.total).toBe(1);
    expect((await q(p.idNumber)).body.total).toBe(1);
    expect((await q(p.idNumber.slice(0, 12))).body.total).toBe(0);
  });

  it('filters by state and unit; unit staff see cards made for their unit only', async () => {
    const made = await t.http
      .get(`/api/cards?state=made&unitId=${w.unitA.id}`)
      .set(bearer(w.tokens.district));
    expect(made.body.total).toBe(4);
    expect((await t.http.get('/api/cards').set(bearer(w.tokens.unitA))).body.total).toBe(4);
    // The holders now attend unit B, but the cards belong to unit A (N-2.4a).
    expect((await t.http.get('/api/cards').set(bearer(w.tokens.unitB))).body.total).toBe(0);
    expect((await t.http.get('/api/cards').set(bearer(w.tokens.otherDistrict))).body.total).toBe(0);
  });

  it('422 on bad filters', async () => {
    const res = await t.http
      .get('/api/cards?state=lost&unitId=abc&batchId=1&sort=age&pageSize=1000')
      .set(bearer(w.tokens.district));
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'batchId',
      'pageSize',
      'sort',
      'state',
      'unitId',
    ]);
  });

  it('one card with its history; outside the scope it is a 404', async () => {
    const list = await t.http.get('/api/cards?state=made').set(bearer(w.tokens.district));
    const id = list.body.items[0].id as string;
    const res = await t.http.get(`/api/cards/${id}`).set(bearer(w.tokens.unitA));
    expect(res.status).toBe(200);
    expect(res.body.history.map((h: { action: string }) => h.action)).toContain('vendor_import');
    for (const token of [w.tokens.unitB, w.tokens.otherDistrict]) {
      expect((await t.http.get(`/api/cards/${id}`).set(bearer(token))).status).toBe(404);
    }
    expect((await t.http.get('/api/cards/123').set(bearer(w.tokens.district))).status).toBe(404);
  });
});

describe('dashboard and N-3 overdue lists', () => {
  let unitC: { id: string; code: string };
  let batchC = '';

  beforeAll(async () => {
    unitC = await insertUnit(t, {
      districtId: '110105',
      name: '朝阳区第三小学',
      code: '11010500003',
    });
    await insertMadeCards(t, { districtId: '110105', unitId: unitC.id, count: 5 });
    // The deadline is today: "before X" includes X, so it is not overdue yet (clauses.md).
    const res = await t.http
      .post('/api/batches/dispatch')
      .set(bearer(w.tokens.district))
      .send({ pickupPlace: '朝阳区社保中心', pickupDeadline: TODAY });
    expect(res.body).toMatchObject({ batchCount: 2, byRoute: { pickup: 2 } });
    const batches = await t.sql<{ id: string; unit_id: string }>('SELECT id, unit_id FROM batch');
    batchC = batches.find((b) => b.unit_id === unitC.id)?.id ?? '';
    const batchA = batches.find((b) => b.unit_id === w.unitA.id)?.id ?? '';
    const pickup = await t.http
      .post(`/api/batches/${batchA}/pickup`)
      .set(bearer(w.tokens.district))
      .send({
        credentialKind: 'registration_certificate',
        credentialCode: w.unitA.code,
        collectorName: '李老师',
      });
    expect(pickup.status).toBe(201);
  });

  it('N-3 the dashboard counts cards by state, batches by route and state, pickups due', async () => {
    const res = await t.http.get('/api/dashboard').set(bearer(w.tokens.district));
    expect(res.status).toBe(200);
    expect(res.body.cardsByState).toMatchObject({ at_unit: 4, awaiting_pickup: 5, made: 0 });
    expect(res.body.batches).toEqual([
      { route: 'pickup', state: 'at_unit', batches: 1, cards: 4 },
      { route: 'pickup', state: 'awaiting_pickup', batches: 1, cards: 5 },
    ]);
    expect(res.body.pickupsDue).toMatchObject({
      total: 1,
      items: [{ batchId: batchC, deadline: TODAY, overdue: false }],
    });
    // N-2.4b: from 2011-01-16 a card still at the unit is overdue for collection.
    expect(res.body.overdue).toEqual({
      pickup: { clause: 'N-2.2b', units: 0, batches: 0, cards: 0 },
      collection: { clause: 'N-2.4b', deadline: '2011-01-15', units: 1, cards: 4 },
    });
    expect(res.body).toMatchObject({ reissuePool: 0, returnsReceived: { returns: 0, cards: 0 } });
  });

  it('unit staff get their own unit’s numbers; another district sees nothing', async () => {
    const own = await t.http.get('/api/dashboard').set(bearer(w.tokens.unitA));
    expect(own.body.cardsByState).toMatchObject({ at_unit: 4, awaiting_pickup: 0 });
    expect(own.body.pickupsDue.total).toBe(0);
    const other = await t.http.get('/api/dashboard').set(bearer(w.tokens.otherDistrict));
    expect(other.body.cardsByState.at_unit).toBe(0);
    expect(other.body.batches).toEqual([]);
  });

  it('N-3 / N-2.2b a pickup deadline of today is not overdue; the day after it is', async () => {
    const q = (token: string) => t.http.get('/api/overdue?kind=pickup').set(bearer(token));
    const onTime = await q(w.tokens.district);
    expect(onTime.status).toBe(200);
    expect(onTime.body).toMatchObject({ total: 0, kind: 'pickup', today: TODAY });
    await t.sql(`UPDATE batch SET pickup_deadline = '2011-01-20' WHERE id = $1`, [batchC]);
    const late = await q(w.tokens.district);
    expect(late.body.total).toBe(1);
    expect(late.body.items[0]).toMatchObject({
      unit: { id: unitC.id, registrationCode: unitC.code },
      kind: 'pickup',
      clause: 'N-2.2b',
      deadline: '2011-01-20',
      cardCount: 5,
      batches: [{ id: batchC, deadline: '2011-01-20', cardCount: 5 }],
    });
    expect((await q(w.tokens.unitA)).body.total).toBe(0);
    expect((await q(w.tokens.otherDistrict)).body.total).toBe(0);
    const dash = await t.http.get('/api/dashboard').set(bearer(w.tokens.district));
    expect(dash.body.overdue.pickup).toEqual({ clause: 'N-2.2b', units: 1, batches: 1, cards: 5 });
  });

  it('N-3 / N-2.4b units still holding cards after 2011-01-15', async () => {
    const res = await t.http
      .get('/api/overdue?kind=collection&sort=cardCount&order=desc')
      .set(bearer(w.tokens.district));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, deadline: '2011-01-15' });
    expect(res.body.items[0]).toMatchObject({
      unit: { id: w.unitA.id },
      kind: 'collection',
      clause: 'N-2.4b',
      deadline: '2011-01-15',
      cardCount: 4,
    });
    expect(
      (await t.http.get('/api/overdue?kind=collection').set(bearer(w.tokens.unitB))).body.total,
    ).toBe(0);
  });

  it('the reissue pool and returns received are counted (N-2.4c)', async () => {
    await t.sql(
      `UPDATE card SET state = 'in_reissue_pool' WHERE id = (SELECT id FROM card WHERE state = 'at_unit' LIMIT 1)`,
    );
    const res = await t.http.get('/api/dashboard').set(bearer(w.tokens.admin));
    expect(res.body.reissuePool).toBe(1);
    expect(res.body.cardsByState.at_unit).toBe(3);
  });

  it('422 on a missing or unknown overdue kind and bad paging', async () => {
    const missing = await t.http.get('/api/overdue').set(bearer(w.tokens.district));
    expect(missing.status).toBe(422);
    expect(missing.body.fields).toHaveProperty('kind');
    const bad = await t.http
      .get('/api/overdue?kind=late&page=0&sort=colour')
      .set(bearer(w.tokens.district));
    expect(Object.keys(bad.body.fields).sort()).toEqual(['kind', 'page', 'sort']);
  });

  it('filtering the card list by batch', async () => {
    const res = await t.http.get(`/api/cards?batchId=${batchC}`).set(bearer(w.tokens.district));
    expect(res.body.total).toBe(5);
    expect(res.body.items[0]).toMatchObject({ batchId: batchC, state: 'awaiting_pickup' });
  });
});

describe('GET /api/business-date', () => {
  it('gives every signed-in role the business date (SSCARD_TODAY here); no session is 401', async () => {
    for (const token of [w.tokens.admin, w.tokens.district, w.tokens.unitA]) {
      const res = await t.http.get('/api/business-date').set(bearer(token));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ today: TODAY });
    }
    expect((await t.http.get('/api/business-date')).status).toBe(401);
  });
});
