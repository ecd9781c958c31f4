import { maskIdNumber } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeBatchAtUnit, type ArrangedBatch } from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { residentIdNumber } from '../id-numbers.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let a: ArrangedBatch;

/** The batch's six children: three in 一年级一班, two in 一年级二班, one without a class. */
const CLASSES = ['一年级一班', '一年级二班', '一年级一班', '一年级二班', '一年级一班', null];

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-10' });
  w = await seedBasics(t);
  a = await arrangeBatchAtUnit(t, w, { cards: 6 });
  await t.sql(
    `UPDATE resident r SET class_name = x.class_name
     FROM unnest($1::uuid[], $2::text[]) AS x(card_id, class_name)
     JOIN card c ON c.id = x.card_id WHERE r.id = c.resident_id`,
    [a.cards.map((c) => c.id), CLASSES],
  );
});
afterAll(() => t?.close());

const get = (path: string, token = w.tokens.unitA) => t.http.get(path).set(bearer(token));
const namesOf = (body: { items: { holderName: string }[] }) =>
  body.items.map((i) => i.holderName).sort();
const holders = (...indexes: number[]) => indexes.map((i) => a.cards[i]?.holderName).sort();

describe('N-2.3 the class (班级) of a resident', () => {
  const body = (className?: string) => ({
    name: '钱小班',
    idKind: 'resident',
    idNumber: residentIdNumber('2004-09-10', 777),
    birthDate: '2004-09-10',
    category: 'student_child',
    currentUnitId: w.unitA.id,
    ...(className === undefined ? {} : { className }),
  });

  it('N-2.3: a blank class is a 422 on className; a given class is stored and returned, trimmed', async () => {
    const blank = await t.http.post('/api/residents').set(bearer(w.tokens.unitA)).send(body(' '));
    expect(blank.status).toBe(422);
    expect(blank.body.fields).toEqual({ className: '班级不能为空 / Class is required' });

    const res = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.unitA))
      .send(body(' 二年级三班 '));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '钱小班', className: '二年级三班' });
    const [row] = await t.sql<{ class_name: string }>(
      'SELECT class_name FROM resident WHERE id = $1',
      [res.body.id],
    );
    expect(row?.class_name).toBe('二年级三班');
    const list = await get('/api/residents?search=钱小班');
    expect(list.body.items.map((r: { className: string }) => r.className)).toEqual(['二年级三班']);
  });

  it('N-2.3: without a class the resident has none', async () => {
    const res = await t.http
      .post('/api/residents')
      .set(bearer(w.tokens.district))
      .send({ ...body(), name: '孙无班', idNumber: residentIdNumber('2004-09-10', 778) });
    expect(res.status).toBe(201);
    expect(res.body.className).toBeNull();
  });
});

describe('N-2.3 the unit finds its cards in stock by class', () => {
  it('N-2.3: the card list shows each holder’s class and filters by it exactly', async () => {
    const one = await get(`/api/cards?batchId=${a.batchId}&state=at_unit&className=一年级一班`);
    expect(one.status).toBe(200);
    expect(one.body.total).toBe(3);
    expect(namesOf(one.body)).toEqual(holders(0, 2, 4));
    expect(one.body.items[0]).toMatchObject({ className: '一年级一班', state: 'at_unit' });
    const card = a.cards[0];
    const first = one.body.items.find((i: { id: string }) => i.id === card?.id);
    expect(first.idNumberMasked).toBe(maskIdNumber(card?.idNumber ?? ''));

    // Exact: a part of the class name filters nothing.
    const part = await get(`/api/cards?batchId=${a.batchId}&className=一年级`);
    expect(part.body.total).toBe(0);
    const all = await get(`/api/cards?batchId=${a.batchId}&pageSize=10`);
    expect(all.body.items.filter((i: { className: null }) => i.className === null)).toHaveLength(1);
  });

  it('N-2.3: the search box matches the class too (with names and card numbers)', async () => {
    const two = await get(`/api/cards?batchId=${a.batchId}&search=${encodeURIComponent('二班')}`);
    expect(namesOf(two.body)).toEqual(holders(1, 3));
    const grade = await get(
      `/api/cards?batchId=${a.batchId}&search=${encodeURIComponent('一年级')}`,
    );
    expect(grade.body.total).toBe(5);
  });

  it('N-2.3: GET /api/cards/classes gives the batch’s classes with their card counts, in scope', async () => {
    const res = await get(`/api/cards/classes?batchId=${a.batchId}&state=at_unit`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { className: '一年级一班', cards: 3 },
        { className: '一年级二班', cards: 2 },
      ],
    });
    // Another unit's staff see none of unit A's classes.
    const other = await get(`/api/cards/classes?batchId=${a.batchId}`, w.tokens.unitB);
    expect(other.body).toEqual({ items: [] });
    const bad = await get('/api/cards/classes?batchId=nope');
    expect(bad.status).toBe(422);
  });

  it('N-2.3: the whole class signs at once; its cards leave the stock and the class count', async () => {
    const one = await get(`/api/cards?batchId=${a.batchId}&state=at_unit&className=一年级一班`);
    const res = await t.http
      .post(`/api/batches/${a.batchId}/signatures`)
      .set(bearer(w.tokens.unitA))
      .send({
        signatures: one.body.items.map((c: { id: string }) => ({
          cardId: c.id,
          signer: 'proxy',
          signerName: '李老师',
        })),
      });
    expect(res.status).toBe(201);
    expect(res.body.totals).toMatchObject({ cards: 6, signedProxy: 3, unsigned: 3 });
    const classes = await get(`/api/cards/classes?batchId=${a.batchId}&state=at_unit`);
    expect(classes.body.items).toEqual([{ className: '一年级二班', cards: 2 }]);
  });
});
