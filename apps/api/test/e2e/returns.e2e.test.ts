import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrangeBatchAtUnit,
  cardStates,
  fullIdNumbersIn,
  type ArrangedBatch,
} from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let a: ArrangedBatch;
let signed: string[];
let atUnit: string[];

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-03-10' });
  w = await seedBasics(t);
  a = await arrangeBatchAtUnit(t, w, { cards: 5 });
  const ids = a.cards.map((c) => c.id);
  signed = ids.slice(0, 2);
  atUnit = ids.slice(2);
  const res = await t.http
    .post(`/api/batches/${a.batchId}/signatures`)
    .set(bearer(w.tokens.unitA))
    .send({
      signedOn: '2011-01-12',
      signatures: signed.map((cardId) => ({ cardId, signer: 'self', signerName: '家长' })),
    });
  if (res.status !== 201) throw new Error(`arrange signatures: ${res.status}`);
});
afterAll(() => t?.close());

const returnUrl = () => `/api/batches/${a.batchId}/return`;
const reconUrl = () => `/api/batches/${a.batchId}/reconciliation`;

describe('N-2.4c reconciliation before the return', () => {
  it('received 5 = signed 2 + returned 0 is not balanced: the 3 cards at the unit are “neither”', async () => {
    const res = await t.http.get(reconUrl()).set(bearer(w.tokens.unitA));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 5, signed: 2, returned: 0, balanced: false });
    expect(res.body.differences.map((d: { cardId: string }) => d.cardId)).toEqual(atUnit);
    expect(res.body.differences[0]).toMatchObject({ status: 'neither', state: 'at_unit' });
    expect(fullIdNumbersIn(res.body)).toEqual([]);
  });

  it('scoping: unit B and another district get 404; bad ids 404', async () => {
    expect((await t.http.get(reconUrl()).set(bearer(w.tokens.unitB))).status).toBe(404);
    expect((await t.http.get(reconUrl()).set(bearer(w.tokens.otherDistrict))).status).toBe(404);
    expect((await t.http.get(reconUrl()).set(bearer(w.tokens.admin))).status).toBe(200);
    expect(
      (await t.http.get('/api/batches/x/reconciliation').set(bearer(w.tokens.admin))).status,
    ).toBe(404);
  });
});

describe('N-2.4c POST /api/batches/:id/return', () => {
  it('N-2.4c returning on 2011-01-20 is refused: returns open on 2011-01-21', async () => {
    const res = await t.http
      .post(returnUrl())
      .set(bearer(w.tokens.unitA))
      .send({ returnedOn: '2011-01-20', firstCopyReturned: true, cardIds: atUnit });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'rule_refused', clause: 'N-2.4c' });
    expect(res.body.message).toContain('2011-01-21');
    expect(await cardStates(t, atUnit)).toEqual(['at_unit', 'at_unit', 'at_unit']);
  });

  it('N-2.4c a return must hold exactly the cards still at the unit (missing and extra listed)', async () => {
    const [x, y, z] = atUnit;
    const [s] = signed;
    const missing = await t.http
      .post(returnUrl())
      .set(bearer(w.tokens.unitA))
      .send({ returnedOn: '2011-01-21', firstCopyReturned: true, cardIds: [x, y] });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ clause: 'N-2.4c', missing: [z], extra: [] });
    const extra = await t.http
      .post(returnUrl())
      .set(bearer(w.tokens.unitA))
      .send({ returnedOn: '2011-01-21', firstCopyReturned: true, cardIds: [...atUnit, s] });
    expect(extra.status).toBe(409);
    expect(extra.body).toMatchObject({ missing: [], extra: [s] });
    const [count] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM card_return');
    expect(count?.n).toBe(0);
  });

  it('bad input is a 422 field map: first copy, ids, duplicates, dates', async () => {
    const bad = await t.http
      .post(returnUrl())
      .set(bearer(w.tokens.unitA))
      .send({ returnedOn: '2011-13-01', firstCopyReturned: false, cardIds: ['nope'] });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      'cardIds.0',
      'firstCopyReturned',
      'returnedOn',
    ]);
    const empty = await t.http.post(returnUrl()).set(bearer(w.tokens.unitA)).send({});
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.fields).sort()).toEqual(['cardIds', 'firstCopyReturned']);
    const dup = await t.http
      .post(returnUrl())
      .set(bearer(w.tokens.unitA))
      .send({ firstCopyReturned: true, cardIds: [atUnit[0], atUnit[0]] });
    expect(dup.status).toBe(422);
    expect(dup.body.fields).toHaveProperty(['cardIds.1']);
    const future = await t.http
      .post(returnUrl())
      .set(bearer(w.tokens.unitA))
      .send({ returnedOn: '2011-03-11', firstCopyReturned: true, cardIds: atUnit });
    expect(future.status).toBe(422);
    expect(future.body.fields).toHaveProperty('returnedOn');
  });

  it('scoping: unit B and another district get 404, the admin 403', async () => {
    const body = { returnedOn: '2011-01-21', firstCopyReturned: true, cardIds: atUnit };
    expect((await t.http.post(returnUrl()).set(bearer(w.tokens.unitB)).send(body)).status).toBe(
      404,
    );
    expect(
      (await t.http.post(returnUrl()).set(bearer(w.tokens.otherDistrict)).send(body)).status,
    ).toBe(404);
    expect((await t.http.post(returnUrl()).set(bearer(w.tokens.admin)).send(body)).status).toBe(
      403,
    );
  });

  it('N-2.4c on 2011-01-21 the cards go back into the reissue pool, once (idempotent retry)', async () => {
    const send = () =>
      t.http
        .post(returnUrl())
        .set(bearer(w.tokens.unitA))
        .set('Idempotency-Key', 'return-a')
        .send({ returnedOn: '2011-01-21', firstCopyReturned: true, cardIds: atUnit });
    const res = await send();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      batchId: a.batchId,
      batchNumber: a.batchNumber,
      returnedOn: '2011-01-21',
      firstCopyReturned: true,
      cardCount: 3,
    });
    expect(res.body.cards.map((c: { cardId: string }) => c.cardId)).toEqual(atUnit);
    expect(res.body.cards[0].state).toBe('in_reissue_pool');
    expect(fullIdNumbersIn(res.body)).toEqual([]);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(res.body);
    expect(await cardStates(t, [...signed, ...atUnit])).toEqual([
      'issued',
      'issued',
      'in_reissue_pool',
      'in_reissue_pool',
      'in_reissue_pool',
    ]);
    const [batch] = await t.sql<{ state: string }>('SELECT state FROM batch WHERE id = $1', [
      a.batchId,
    ]);
    expect(batch?.state).toBe('returned');
    const [lines] = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM card_return_line WHERE return_id = $1',
      [res.body.id],
    );
    expect(lines?.n).toBe(3);
    const audit = await t.sql<{ entity: string; n: number }>(
      `SELECT entity, count(*)::int AS n FROM audit_log
       WHERE action IN ('create', 'return', 'return_into_pool') AND entity IN ('card_return', 'batch', 'card')
       GROUP BY entity ORDER BY entity`,
    );
    expect(audit).toEqual([
      { entity: 'batch', n: 1 },
      { entity: 'card', n: 3 },
      { entity: 'card_return', n: 1 },
    ]);
  });

  it('a batch already returned cannot be returned again (409)', async () => {
    const res = await t.http
      .post(returnUrl())
      .set(bearer(w.tokens.district))
      .send({ returnedOn: '2011-01-22', firstCopyReturned: true, cardIds: atUnit });
    expect(res.status).toBe(409);
    expect(res.body.clause).toBe('N-2.4c');
  });

  it('N-2.4c afterwards received 5 = signed 2 + returned 3, balanced', async () => {
    const res = await t.http.get(reconUrl()).set(bearer(w.tokens.district));
    expect(res.body).toMatchObject({ received: 5, signed: 2, returned: 3, balanced: true });
    expect(res.body.differences).toEqual([]);
    expect(res.body.cards.map((c: { status: string }) => c.status)).toEqual([
      'signed',
      'signed',
      'returned',
      'returned',
      'returned',
    ]);
  });

  it('N-2.4c a card both signed and returned (impossible through the API) is listed as “both”', async () => {
    const c = await arrangeBatchAtUnit(t, w, { cards: 2, cardState: 'issued' });
    const [one, two] = c.cards;
    await t.sql(
      `WITH r AS (
         INSERT INTO card_return (district_id, batch_id, returned_on, first_copy_returned, card_count, recorded_by)
         SELECT '110105', $1, '2011-01-21', true, 1, id FROM app_user WHERE username = 'cy-staff' RETURNING id)
       INSERT INTO card_return_line (return_id, card_id, district_id) SELECT r.id, $2, '110105' FROM r`,
      [c.batchId, one?.id],
    );
    await t.sql(
      `INSERT INTO signature (district_id, card_id, batch_id, signer_kind, signer_name, signed_on, recorded_by)
       SELECT '110105', $1, $2, 'self', '家长', '2011-01-10', id FROM app_user WHERE username = 'unit-a'`,
      [one?.id, c.batchId],
    );
    const res = await t.http
      .get(`/api/batches/${c.batchId}/reconciliation`)
      .set(bearer(w.tokens.district));
    expect(res.body).toMatchObject({ received: 2, signed: 1, returned: 1, balanced: false });
    expect(
      res.body.differences.map((d: { cardId: string; status: string }) => [d.cardId, d.status]),
    ).toEqual([
      [one?.id, 'both'],
      [two?.id, 'neither'],
    ]);
  });
});

describe('N-2.4c GET /api/reissue-pool (二次发行库)', () => {
  it('district staff see their pool with masked IDs; search by name, card number or full ID', async () => {
    const res = await t.http.get('/api/reissue-pool').set(bearer(w.tokens.district));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items[0]).toMatchObject({
      unit: { id: w.unitA.id, name: '朝阳区实验小学' },
      batchNumber: a.batchNumber,
      returnedOn: '2011-01-21',
    });
    expect(fullIdNumbersIn(res.body)).toEqual([]);
    const target = a.cards[3];
    if (!target) throw new Error('arrange');
    const search = async (q: string) =>
      (
        await t.http
          .get(`/api/reissue-pool?search=${encodeURIComponent(q)}`)
          .set(bearer(w.tokens.district))
      ).body.items.map((i: { cardId: string }) => i.cardId);
    expect(await search(target.holderName)).toEqual([target.id]);
    expect(await search(target.cardNumber)).toEqual([target.id]);
    expect(await search(target.idNumber)).toEqual([target.id]);
    // A partial ID number matches nothing: searching must not help guess numbers.
    expect(await search(target.idNumber.slice(0, 12))).toEqual([]);
  });

  it('pages and sorts; another district sees none; the admin sees all; unit staff 403', async () => {
    const page = await t.http
      .get('/api/reissue-pool?pageSize=2&page=2&sort=cardNumber&order=desc')
      .set(bearer(w.tokens.district));
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items.map((i: { cardId: string }) => i.cardId)).toEqual([atUnit[0]]);
    const other = await t.http.get('/api/reissue-pool').set(bearer(w.tokens.otherDistrict));
    expect(other.body.total).toBe(0);
    expect((await t.http.get('/api/reissue-pool').set(bearer(w.tokens.admin))).body.total).toBe(3);
    expect((await t.http.get('/api/reissue-pool').set(bearer(w.tokens.unitA))).status).toBe(403);
  });

  it('bad query is a 422 field map', async () => {
    const res = await t.http
      .get('/api/reissue-pool?pageSize=0&sort=idNumber')
      .set(bearer(w.tokens.district));
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields).sort()).toEqual(['pageSize', 'sort']);
  });
});
