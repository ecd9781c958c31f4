import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrangeBatchAtUnit,
  cardStates,
  fullIdNumbersIn,
  residentIdNumbers,
  type ArrangedBatch,
  type ArrangedCard,
} from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let pool: ArrangedBatch;
let otherPointId: string;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-03-10' });
  w = await seedBasics(t);
  pool = await arrangeBatchAtUnit(t, w, {
    cards: 4,
    cardState: 'in_reissue_pool',
    batchState: 'returned',
  });
  const [sp] = await t.sql<{ id: string }>(
    `INSERT INTO service_point (district_id, name, street_office)
     VALUES ('110108', '海淀街道社保卡服务网点', '海淀街道') RETURNING id`,
  );
  otherPointId = sp?.id ?? '';
});
afterAll(() => t?.close());

const holder = (i: number): ArrangedCard => {
  const c = pool.cards[i];
  if (!c) throw new Error(`no card ${i}`);
  return c;
};

const application = (c: ArrangedCard, extra: Record<string, unknown> = {}) => ({
  holderName: c.holderName,
  idKind: 'resident',
  idNumber: c.idNumber,
  applicantName: '家长张',
  holderDocument: 'household_register',
  applicantDocument: 'resident_id_card',
  servicePointId: w.servicePointId,
  appliedOn: '2011-03-02',
  ...extra,
});

describe('N-2.4d GET /api/service-points', () => {
  it('lists the caller’s district’s service points; the admin sees all', async () => {
    const mine = await t.http.get('/api/service-points').set(bearer(w.tokens.district));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1 });
    expect(mine.body.items[0]).toMatchObject({
      id: w.servicePointId,
      districtId: '110105',
      streetOffice: '八里庄街道',
    });
    const other = await t.http.get('/api/service-points').set(bearer(w.tokens.otherDistrict));
    expect(other.body.items.map((p: { id: string }) => p.id)).toEqual([otherPointId]);
    expect((await t.http.get('/api/service-points').set(bearer(w.tokens.admin))).body.total).toBe(
      2,
    );
    const search = await t.http
      .get('/api/service-points?search=八里庄')
      .set(bearer(w.tokens.unitA));
    expect(search.body.total).toBe(1);
  });

  it('bad query is a 422 field map', async () => {
    const res = await t.http.get('/api/service-points?page=0').set(bearer(w.tokens.district));
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(['page']);
  });
});

describe('N-2.4d POST /api/reissues', () => {
  it('N-2.4d an application on 2011-03-01 is refused: reissue opens on 2011-03-02', async () => {
    const res = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(holder(0), { appliedOn: '2011-03-01' }));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'rule_refused', clause: 'N-2.4d' });
    expect(res.body.message).toContain('2011-03-02');
    expect(await cardStates(t, [holder(0).id])).toEqual(['in_reissue_pool']);
  });

  it('N-2.4d on 2011-03-02 the card leaves the pool with both documents recorded (idempotent)', async () => {
    const send = () =>
      t.http
        .post('/api/reissues')
        .set(bearer(w.tokens.district))
        .set('Idempotency-Key', 'reissue-0')
        .send(application(holder(0)));
    const res = await send();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clause: 'N-2.4d',
      cardId: holder(0).id,
      cardNumber: holder(0).cardNumber,
      holderName: holder(0).holderName,
      state: 'reissued',
      applicantName: '家长张',
      holderDocument: 'household_register',
      applicantDocument: 'resident_id_card',
      servicePoint: { id: w.servicePointId, name: '八里庄街道社保卡服务网点' },
      appliedOn: '2011-03-02',
    });
    expect(res.body.idNumberMasked).toContain('********');
    expect(fullIdNumbersIn(res.body)).toEqual([]);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(res.body);
    const rows = await t.sql<{ holder_document: string; applicant_document: string }>(
      'SELECT holder_document, applicant_document FROM reissue WHERE card_id = $1',
      [holder(0).id],
    );
    expect(rows).toEqual([
      { holder_document: 'household_register', applicant_document: 'resident_id_card' },
    ]);
    expect(await cardStates(t, [holder(0).id])).toEqual(['reissued']);
    const audit = await t.sql<{ entity: string; after: unknown }>(
      `SELECT entity, after FROM audit_log WHERE action IN ('create', 'reissue')
       AND entity IN ('reissue', 'card') ORDER BY id`,
    );
    expect(audit.map((r) => r.entity)).toEqual(['reissue', 'card']);
    expect(fullIdNumbersIn(audit)).toEqual([]);
  });

  it('a card already reissued is not reissued again (409)', async () => {
    const res = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(holder(0), { appliedOn: '2011-03-05' }));
    expect(res.status).toBe(409);
    expect(res.body.clause).toBe('N-2.4d');
  });

  it('the ID number may be typed with spaces or full-width digits; the date defaults to today', async () => {
    const id = holder(1).idNumber;
    const typed = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`.replace(/1/g, '１');
    const res = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(holder(1), { idNumber: typed, appliedOn: undefined }));
    expect(res.status).toBe(201);
    expect(res.body.appliedOn).toBe('2011-03-10');
  });

  it('a person without a card in the pool gets a 409 telling them to call 96102', async () => {
    const [stranger] = residentIdNumbers('110105', 1);
    const res = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(holder(2), { idNumber: stranger }));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('96102');
    const atUnit = await arrangeBatchAtUnit(t, w, { cards: 1 });
    const card = atUnit.cards[0];
    if (!card) throw new Error('arrange');
    const notPooled = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(card));
    expect(notPooled.status).toBe(409);
    expect(notPooled.body.clause).toBe('N-2.4d');
    expect(await cardStates(t, [card.id])).toEqual(['at_unit']);
  });

  it('the holder’s name must match the card of that ID number (422)', async () => {
    const res = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(holder(2), { holderName: '别人' }));
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(['holderName']);
  });

  it('scoping: another district’s service point is a 404; another district cannot reach the pool', async () => {
    const foreignPoint = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(holder(2), { servicePointId: otherPointId }));
    expect(foreignPoint.status).toBe(404);
    const unknownPoint = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(holder(2), { servicePointId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownPoint.status).toBe(404);
    const otherDistrict = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.otherDistrict))
      .send(application(holder(2), { servicePointId: otherPointId }));
    expect(otherDistrict.status).toBe(409);
    const ownPointElsewhere = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.otherDistrict))
      .send(application(holder(2)));
    expect(ownPointElsewhere.status).toBe(404);
    expect(await cardStates(t, [holder(2).id])).toEqual(['in_reissue_pool']);
  });

  it('only district staff record reissues: unit staff and the admin get 403', async () => {
    for (const token of [w.tokens.unitA, w.tokens.admin]) {
      const res = await t.http
        .post('/api/reissues')
        .set(bearer(token))
        .send(application(holder(2)));
      expect(res.status).toBe(403);
    }
  });

  it('bad input is a 422 field map: every field, the ID check digit, a future date', async () => {
    const empty = await t.http.post('/api/reissues').set(bearer(w.tokens.district)).send({});
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.fields).sort()).toEqual([
      'applicantDocument',
      'applicantName',
      'holderDocument',
      'holderName',
      'idKind',
      'idNumber',
      'servicePointId',
    ]);
    const id = holder(2).idNumber;
    const wrongCheck = `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;
    const bad = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(
        application(holder(2), {
          idNumber: wrongCheck,
          holderDocument: 'passport',
          servicePointId: 'sp-1',
          appliedOn: '2011/03/02',
        }),
      );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      'appliedOn',
      'holderDocument',
      'idNumber',
      'servicePointId',
    ]);
    const future = await t.http
      .post('/api/reissues')
      .set(bearer(w.tokens.district))
      .send(application(holder(2), { appliedOn: '2011-03-11' }));
    expect(future.status).toBe(422);
    expect(future.body.fields).toHaveProperty('appliedOn');
    expect(await cardStates(t, [holder(2).id])).toEqual(['in_reissue_pool']);
  });
});
