import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrangeBatchAtUnit,
  cardStates,
  fullIdNumbersIn,
  signatureCount,
  type ArrangedBatch,
} from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, postgresOnly, skipWithoutPostgres, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let a: ArrangedBatch;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-10' });
  w = await seedBasics(t);
  a = await arrangeBatchAtUnit(t, w, { cards: 6 });
});
afterAll(() => t?.close());

const card = (i: number) => {
  const c = a.cards[i];
  if (!c) throw new Error(`no card ${i}`);
  return c;
};

describe('N-2.3 receipt 《北京市社会保障卡发行回执单》', () => {
  it('unit staff, district staff and the admin read the receipt with masked IDs and totals', async () => {
    for (const token of [w.tokens.unitA, w.tokens.district, w.tokens.admin]) {
      const res = await t.http.get(`/api/batches/${a.batchId}/receipt`).set(bearer(token));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: '北京市社会保障卡发行回执单',
        unit: { id: w.unitA.id, name: '朝阳区实验小学', designatedPersonName: '李老师' },
        batch: { id: a.batchId, number: a.batchNumber, state: 'at_unit' },
        totals: { cards: 6, signedSelf: 0, signedProxy: 0, unsigned: 6 },
      });
      expect(res.body.lines[0]).toMatchObject({
        cardId: card(0).id,
        cardNumber: card(0).cardNumber,
        holderName: card(0).holderName,
        idNumberMasked: `${card(0).idNumber.slice(0, 6)}********${card(0).idNumber.slice(-4)}`,
        signature: null,
      });
      expect(fullIdNumbersIn(res.body)).toEqual([]);
    }
  });

  it('another unit’s staff, another district’s staff and unknown ids get 404; nobody else 403', async () => {
    const url = `/api/batches/${a.batchId}/receipt`;
    expect((await t.http.get(url).set(bearer(w.tokens.unitB))).status).toBe(404);
    expect((await t.http.get(url).set(bearer(w.tokens.otherDistrict))).status).toBe(404);
    expect(
      (await t.http.get('/api/batches/not-a-uuid/receipt').set(bearer(w.tokens.unitA))).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .get('/api/batches/00000000-0000-4000-8000-000000000000/receipt')
          .set(bearer(w.tokens.unitA))
      ).status,
    ).toBe(404);
    expect((await t.http.get(url)).status).toBe(401);
  });
});

describe('N-2.3 POST /api/cards/:id/signature', () => {
  it('the holder signs; signer, kind, date and the staff user are recorded and audited', async () => {
    const res = await t.http
      .post(`/api/cards/${card(0).id}/signature`)
      .set(bearer(w.tokens.unitA))
      .send({ signer: 'self', signerName: ' 家长王 ', signedOn: '2011-01-08' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      cardId: card(0).id,
      batchId: a.batchId,
      state: 'issued',
      signer: 'self',
      signerName: '家长王',
      signedOn: '2011-01-08',
      holderName: card(0).holderName,
    });
    expect(res.body.idNumberMasked).toContain('********');
    expect(fullIdNumbersIn(res.body)).toEqual([]);
    const [row] = await t.sql<{ signer_kind: string; username: string }>(
      `SELECT s.signer_kind, u.username FROM signature s JOIN app_user u ON u.id = s.recorded_by
       WHERE s.card_id = $1`,
      [card(0).id],
    );
    expect(row).toEqual({ signer_kind: 'self', username: 'unit-a' });
    const audit = await t.sql<{ action: string; after: { state: string } }>(
      `SELECT action, after FROM audit_log WHERE entity = 'card' AND entity_id = $1`,
      [card(0).id],
    );
    expect(audit).toEqual([expect.objectContaining({ action: 'sign' })]);
    expect(audit[0]?.after.state).toBe('issued');
  });

  it('signedOn defaults to today', async () => {
    const res = await t.http
      .post(`/api/cards/${card(1).id}/signature`)
      .set(bearer(w.tokens.district))
      .send({ signer: 'self', signerName: '家长李' });
    expect(res.status).toBe(201);
    expect(res.body.signedOn).toBe('2011-01-10');
  });

  it('N-2.3 the designated person (李老师) may sign on the holder’s behalf', async () => {
    const res = await t.http
      .post(`/api/cards/${card(2).id}/signature`)
      .set(bearer(w.tokens.unitA))
      .send({ signer: 'proxy', signerName: '李 老师' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ signer: 'proxy', state: 'issued' });
  });

  it('N-2.3 a proxy signature by someone other than the designated person is refused', async () => {
    const res = await t.http
      .post(`/api/cards/${card(3).id}/signature`)
      .set(bearer(w.tokens.unitA))
      .send({ signer: 'proxy', signerName: '张老师' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'rule_refused', clause: 'N-2.3' });
    expect(res.body.message).toContain('李老师');
    expect(await signatureCount(t, card(3).id)).toBe(0);
  });

  it('N-2.3 a unit without a designated person cannot sign by proxy', async () => {
    const b = await arrangeBatchAtUnit(t, w, { cards: 1, unitId: w.unitB.id });
    const id = b.cards[0]?.id;
    const res = await t.http
      .post(`/api/cards/${id}/signature`)
      .set(bearer(w.tokens.unitB))
      .send({ signer: 'proxy', signerName: '王园长' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ clause: 'N-2.3' });
  });

  it('N-2.3 a card is signed for once: a second signature is a 409', async () => {
    const res = await t.http
      .post(`/api/cards/${card(0).id}/signature`)
      .set(bearer(w.tokens.unitA))
      .send({ signer: 'self', signerName: '家长王' });
    expect(res.status).toBe(409);
    expect(res.body.clause).toBe('N-2.3');
    expect(await signatureCount(t, card(0).id)).toBe(1);
  });

  it('an idempotent retry returns the first result; the key cannot be reused for another request', async () => {
    const send = (body: object) =>
      t.http
        .post(`/api/cards/${card(4).id}/signature`)
        .set(bearer(w.tokens.unitA))
        .set('Idempotency-Key', 'sign-card-4')
        .send(body);
    const body = { signer: 'self', signerName: '家长赵', signedOn: '2011-01-09' };
    const first = await send(body);
    const retry = await send(body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await signatureCount(t, card(4).id)).toBe(1);
    const other = await send({ ...body, signerName: '别人' });
    expect(other.status).toBe(422);
    expect(other.body.fields).toHaveProperty('Idempotency-Key');
  });

  it('scoping: unit B staff and another district get 404; the admin may not sign (403)', async () => {
    const url = `/api/cards/${card(5).id}/signature`;
    const body = { signer: 'self', signerName: '家长' };
    expect((await t.http.post(url).set(bearer(w.tokens.unitB)).send(body)).status).toBe(404);
    expect((await t.http.post(url).set(bearer(w.tokens.otherDistrict)).send(body)).status).toBe(
      404,
    );
    expect((await t.http.post(url).set(bearer(w.tokens.admin)).send(body)).status).toBe(403);
    expect(
      (await t.http.post('/api/cards/nope/signature').set(bearer(w.tokens.unitA)).send(body))
        .status,
    ).toBe(404);
    expect(await signatureCount(t, card(5).id)).toBe(0);
  });

  it('bad input is a 422 field map: kind, name, malformed or future date', async () => {
    const url = `/api/cards/${card(5).id}/signature`;
    const bad = await t.http
      .post(url)
      .set(bearer(w.tokens.unitA))
      .send({ signer: 'neighbour', signerName: '', signedOn: '2011-02-30' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['signedOn', 'signer', 'signerName']);
    const future = await t.http
      .post(url)
      .set(bearer(w.tokens.unitA))
      .send({ signer: 'self', signerName: '家长', signedOn: '2011-01-11' });
    expect(future.status).toBe(422);
    expect(future.body.fields.signedOn).toContain('2011-01-10');
    expect(await signatureCount(t, card(5).id)).toBe(0);
  });

  it('the receipt shows the signatures and the totals', async () => {
    const res = await t.http.get(`/api/batches/${a.batchId}/receipt`).set(bearer(w.tokens.unitA));
    expect(res.body.totals).toEqual({ cards: 6, signedSelf: 3, signedProxy: 1, unsigned: 2 });
    expect(res.body.lines[0].signature).toEqual({
      signer: 'self',
      signerName: '家长王',
      signedOn: '2011-01-08',
    });
  });
});

describe('N-2.3 POST /api/batches/:id/signatures (a whole class, all or nothing)', () => {
  let b: ArrangedBatch;
  beforeAll(async () => {
    b = await arrangeBatchAtUnit(t, w, { cards: 5 });
  });
  const ids = () => b.cards.map((c) => c.id);

  it('one card that is not at the unit rolls the whole class back, listing it (409)', async () => {
    const [first, ...rest] = ids();
    await t.sql(`UPDATE card SET state = 'awaiting_pickup' WHERE id = $1`, [first]);
    const res = await t.http
      .post(`/api/batches/${b.batchId}/signatures`)
      .set(bearer(w.tokens.unitA))
      .send({
        signedOn: '2011-01-09',
        signatures: ids().map((cardId) => ({ cardId, signer: 'self', signerName: '家长' })),
      });
    expect(res.status).toBe(409);
    expect(res.body.notAtUnit).toEqual([first]);
    expect(await cardStates(t, rest)).toEqual(rest.map(() => 'at_unit'));
    await t.sql(`UPDATE card SET state = 'at_unit' WHERE id = $1`, [first]);
  });

  it('a card of another batch is not at this unit’s batch: 409 listing it', async () => {
    const res = await t.http
      .post(`/api/batches/${b.batchId}/signatures`)
      .set(bearer(w.tokens.unitA))
      .send({ signatures: [{ cardId: card(5).id, signer: 'self', signerName: '家长' }] });
    expect(res.status).toBe(409);
    expect(res.body.notAtUnit).toEqual([card(5).id]);
  });

  it('N-2.3 a proxy line by someone other than the designated person refuses the whole class', async () => {
    const res = await t.http
      .post(`/api/batches/${b.batchId}/signatures`)
      .set(bearer(w.tokens.unitA))
      .send({
        signatures: ids().map((cardId, i) => ({
          cardId,
          signer: i === 2 ? 'proxy' : 'self',
          signerName: i === 2 ? '张老师' : '家长',
        })),
      });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'rule_refused', clause: 'N-2.3', refused: [ids()[2]] });
    expect(await cardStates(t, ids())).toEqual(ids().map(() => 'at_unit'));
  });

  it('bad input is a 422 field map (ids, duplicates, kinds, empty list)', async () => {
    const url = `/api/batches/${b.batchId}/signatures`;
    const [x] = ids();
    const bad = await t.http
      .post(url)
      .set(bearer(w.tokens.unitA))
      .send({
        signedOn: 'tomorrow',
        signatures: [
          { cardId: 'abc', signer: 'self', signerName: '家长' },
          { cardId: x, signer: 'robot', signerName: '家长' },
          { cardId: x, signer: 'self', signerName: '' },
        ],
      });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toHaveProperty('signedOn');
    expect(bad.body.fields).toHaveProperty(['signatures.0.cardId']);
    expect(bad.body.fields).toHaveProperty(['signatures.1.signer']);
    expect(bad.body.fields).toHaveProperty(['signatures.2.signerName']);
    const empty = await t.http.post(url).set(bearer(w.tokens.unitA)).send({ signatures: [] });
    expect(empty.status).toBe(422);
    const dup = await t.http
      .post(url)
      .set(bearer(w.tokens.unitA))
      .send({
        signatures: [
          { cardId: x, signer: 'self', signerName: '家长' },
          { cardId: x, signer: 'self', signerName: '家长' },
        ],
      });
    expect(dup.status).toBe(422);
    expect(dup.body.fields).toHaveProperty(['signatures.1.cardId']);
  });

  it('scoping: unit B and another district get 404, the admin 403', async () => {
    const url = `/api/batches/${b.batchId}/signatures`;
    const body = { signatures: [{ cardId: ids()[0], signer: 'self', signerName: '家长' }] };
    expect((await t.http.post(url).set(bearer(w.tokens.unitB)).send(body)).status).toBe(404);
    expect((await t.http.post(url).set(bearer(w.tokens.otherDistrict)).send(body)).status).toBe(
      404,
    );
    expect((await t.http.post(url).set(bearer(w.tokens.admin)).send(body)).status).toBe(403);
  });

  it('signs the whole class in one go, self and proxy, and returns the receipt', async () => {
    const res = await t.http
      .post(`/api/batches/${b.batchId}/signatures`)
      .set(bearer(w.tokens.unitA))
      .set('Idempotency-Key', 'class-3-2')
      .send({
        signedOn: '2011-01-09',
        signatures: ids().map((cardId, i) => ({
          cardId,
          signer: i === 0 ? 'proxy' : 'self',
          signerName: i === 0 ? '李老师' : `家长${i}`,
        })),
      });
    expect(res.status).toBe(201);
    expect(res.body.totals).toEqual({ cards: 5, signedSelf: 4, signedProxy: 1, unsigned: 0 });
    expect(fullIdNumbersIn(res.body)).toEqual([]);
    expect(await cardStates(t, ids())).toEqual(ids().map(() => 'issued'));
    const [audit] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'card' AND action = 'sign'
       AND entity_id = ANY($1::text[])`,
      [ids()],
    );
    expect(audit?.n).toBe(5);
  });
});

describe('N-2.3 concurrency', () => {
  it.skipIf(skipWithoutPostgres)(
    postgresOnly(
      '50 concurrent signatures of one card: one 201, 49 × 409, one row (real PostgreSQL only: PGlite serves a single connection, so requests cannot race)',
    ),
    async () => {
      const b = await arrangeBatchAtUnit(t, w, { cards: 1 });
      const id = b.cards[0]?.id ?? '';
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.http
            .post(`/api/cards/${id}/signature`)
            .set(bearer(w.tokens.unitA))
            .send({ signer: 'self', signerName: `家长${i}` }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(await signatureCount(t, id)).toBe(1);
    },
  );
});
