import { getDistributionPolicy, maskIdNumber } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnit } from '../card-fixtures.js';
import {
  arrangeBatchAtUnit,
  type ArrangedBatch,
  type ArrangedCard,
  fullIdNumbersIn,
} from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let a: ArrangedBatch;
let newSchool: { id: string; code: string };
let haidian: { id: string; code: string };

const card = (i: number): ArrangedCard => {
  const c = a.cards[i];
  if (!c) throw new Error(`no card ${i}`);
  return c;
};

/**
 * Unit A (朝阳区实验小学) holds six cards (N-2.4a: made for it). Children 0 and 1 moved to a
 * school with a designated person, child 2 to unit B (no designated person named), child 1 has
 * signed for the card since; children 3–5 still go to unit A.
 */
beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-10' });
  w = await seedBasics(t);
  newSchool = await insertUnit(t, {
    districtId: '110105',
    name: '朝阳区新源小学',
    code: '11010500009',
  });
  haidian = await insertUnit(t, {
    districtId: '110108',
    name: '海淀区育英学校',
    code: '11010800009',
  });
  await t.sql(
    `UPDATE unit SET designated_person_name = '王老师', designated_person_phone = '13900000009' WHERE id = $1`,
    [newSchool.id],
  );
  a = await arrangeBatchAtUnit(t, w, { cards: 6 });
  const move = async (i: number, unitId: string, className: string) =>
    t.sql(
      `UPDATE resident SET current_unit_id = $2, class_name = $3
       WHERE id = (SELECT resident_id FROM card WHERE id = $1)`,
      [card(i).id, unitId, className],
    );
  await move(0, newSchool.id, '三年级二班');
  await move(1, newSchool.id, '三年级一班');
  await move(2, w.unitB.id, '三年级一班');
  const signed = await t.http
    .post(`/api/cards/${card(1).id}/signature`)
    .set(bearer(w.tokens.unitA))
    .send({ signer: 'self', signerName: card(1).holderName });
  expect(signed.status).toBe(201);
});
afterAll(() => t?.close());

const get = (path: string, token: string) => t.http.get(path).set(bearer(token));

const expectedItems = () => [
  {
    cardId: card(2).id,
    cardNumber: card(2).cardNumber,
    holderName: card(2).holderName,
    idNumberMasked: maskIdNumber(card(2).idNumber),
    className: '三年级一班',
    batchNumber: a.batchNumber,
    heldBy: { id: w.unitA.id, name: '朝阳区实验小学' },
    movedTo: {
      id: w.unitB.id,
      name: '朝阳区第二幼儿园',
      designatedPersonName: null,
      designatedPersonPhone: null,
    },
  },
  {
    cardId: card(0).id,
    cardNumber: card(0).cardNumber,
    holderName: card(0).holderName,
    idNumberMasked: maskIdNumber(card(0).idNumber),
    className: '三年级二班',
    batchNumber: a.batchNumber,
    heldBy: { id: w.unitA.id, name: '朝阳区实验小学' },
    movedTo: {
      id: newSchool.id,
      name: '朝阳区新源小学',
      designatedPersonName: '王老师',
      designatedPersonPhone: '13900000009',
    },
  },
];

describe('N-2.4b GET /api/cards/moved-away: the original unit’s contact list', () => {
  it('N-2.4b: unit staff see exactly the unsigned cards of children who moved, with the new unit’s contact', async () => {
    const res = await get('/api/cards/moved-away', w.tokens.unitA);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: expectedItems(),
      total: 2,
      page: 1,
      pageSize: 20,
      clause: 'N-2.4b',
      deadline: '2011-01-15',
      today: '2011-01-10',
      overdue: false,
      unit: { id: w.unitA.id, name: '朝阳区实验小学' },
    });
    expect(fullIdNumbersIn(res.body)).toEqual([]);
  });

  it('N-2.4b: the deadline is the distribution policy’s collection date, not a constant of the API', () => {
    expect(getDistributionPolicy().collectionDeadline).toBe('2011-01-15');
  });

  it('N-2.4b: paged and sorted (class by default; by name on request) and searchable', async () => {
    const first = await get('/api/cards/moved-away?pageSize=1', w.tokens.unitA);
    expect(first.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(first.body.items.map((i: { cardId: string }) => i.cardId)).toEqual([card(2).id]);
    const second = await get('/api/cards/moved-away?pageSize=1&page=2', w.tokens.unitA);
    expect(second.body.items.map((i: { cardId: string }) => i.cardId)).toEqual([card(0).id]);
    const desc = await get('/api/cards/moved-away?sort=className&order=desc', w.tokens.unitA);
    expect(desc.body.items.map((i: { cardId: string }) => i.cardId)).toEqual([
      card(0).id,
      card(2).id,
    ]);
    const found = await get(
      `/api/cards/moved-away?search=${encodeURIComponent('二班')}`,
      w.tokens.unitA,
    );
    expect(found.body.items.map((i: { cardId: string }) => i.cardId)).toEqual([card(0).id]);
  });

  it('N-2.4b: district staff name the unit, or list their district; the admin too', async () => {
    const unit = await get(`/api/cards/moved-away?unitId=${w.unitA.id}`, w.tokens.district);
    expect(unit.status).toBe(200);
    expect(unit.body.items).toEqual(expectedItems());
    const district = await get('/api/cards/moved-away', w.tokens.district);
    expect(district.body).toMatchObject({ total: 2, unit: null });
    const admin = await get(`/api/cards/moved-away?unitId=${w.unitA.id}`, w.tokens.admin);
    expect(admin.body.total).toBe(2);
  });

  it('N-2.4b: the unit the children moved to holds none of their cards, so its list is empty', async () => {
    const res = await get('/api/cards/moved-away', w.tokens.unitB);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      items: [],
      total: 0,
      unit: { id: w.unitB.id, name: '朝阳区第二幼儿园' },
    });
  });

  it('someone else’s unit is a 404; a bad id a 422; no session a 401', async () => {
    const url = (unitId: string) => `/api/cards/moved-away?unitId=${unitId}`;
    expect((await get(url(w.unitB.id), w.tokens.unitA)).status).toBe(404);
    expect((await get(url(w.unitA.id), w.tokens.unitB)).status).toBe(404);
    expect((await get(url(w.unitA.id), w.tokens.otherDistrict)).status).toBe(404);
    expect((await get(url(haidian.id), w.tokens.district)).status).toBe(404);
    expect((await get(url('00000000-0000-4000-8000-000000000000'), w.tokens.admin)).status).toBe(
      404,
    );
    const other = await get('/api/cards/moved-away', w.tokens.otherDistrict);
    expect(other.body).toMatchObject({ items: [], total: 0 });
    const bad = await get(url('nope'), w.tokens.district);
    expect(bad.status).toBe(422);
    expect(bad.body.fields.unitId).toBeDefined();
    expect((await t.http.get('/api/cards/moved-away')).status).toBe(401);
  });
});
