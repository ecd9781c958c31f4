import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMadeCards, insertResidents, type ResidentSeed } from '../card-fixtures.js';
import { arrangeBatchAtUnit } from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, postgresOnly, skipWithoutPostgres, type TestApp } from '../test-app.js';

/**
 * N-2.2a / N-2.2b dispatch by intake range: the dispatch writes no card row, the batch's cards
 * are the made, unbatched cards of the unit that arrived before it (card_current shows them in
 * the batch), and the handover to the unit writes exactly those cards.
 */
let t: TestApp;
let w: BasicWorld;
let people: ResidentSeed[];
const TODAY = '2011-01-05';
const NOTICE = { pickupPlace: '朝阳区社保中心一层大厅', pickupDeadline: '2011-01-10' };
const batch = { A1: '', B1: '', A2: '' };

const vendorRow = (p: ResidentSeed, extra: Record<string, unknown> = {}) => ({
  holderName: p.name,
  idKind: 'resident',
  idNumber: p.idNumber,
  madeForUnitCode: w.unitA.code,
  state: 'made',
  cardNumber: `VS${p.idNumber.slice(-8)}`,
  ...extra,
});
const vendorList = (cards: unknown[]) =>
  t.http.post('/api/cards/vendor-list').set(bearer(w.tokens.district)).send({ cards });
const dispatch = () =>
  t.http.post('/api/batches/dispatch').set(bearer(w.tokens.district)).send(NOTICE);
const pickup = (batchId: string, code: string) =>
  t.http.post(`/api/batches/${batchId}/pickup`).set(bearer(w.tokens.district)).send({
    credentialKind: 'registration_certificate',
    credentialCode: code,
    collectorName: '赵老师',
  });

/** Every card row's physical version: xmin changes whenever the row is written. */
const rowVersions = async () =>
  Object.fromEntries(
    (
      await t.sql<{ id: string; v: string }>(
        'SELECT id, xmin::text || updated_at::text AS v FROM card ORDER BY id',
      )
    ).map((r) => [r.id, r.v]),
  );

const current = (residentId: string) =>
  t
    .sql<{ state: string; batch_id: string | null }>(
      'SELECT state, batch_id FROM card_current WHERE resident_id = $1',
      [residentId],
    )
    .then((rows) => rows[0]);

const stored = (unitId: string) =>
  t.sql<{ state: string; batch_id: string | null; count: number }>(
    `SELECT state, batch_id, count(*)::int AS count FROM card WHERE made_for_unit_id = $1
     GROUP BY state, batch_id ORDER BY state, count`,
    [unitId],
  );

/** The unit's batch ids, oldest number first; `n` picks one. */
const batchOf = async (unitId: string, n: number): Promise<string> => {
  const rows = await t.sql<{ id: string }>(
    'SELECT id FROM batch WHERE unit_id = $1 ORDER BY number',
    [unitId],
  );
  const id = rows[n]?.id;
  if (!id) throw new Error(`no batch ${n} for unit ${unitId}`);
  return id;
};

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: TODAY });
  w = await seedBasics(t);
  people = await insertResidents(t, {
    districtId: '110105',
    currentUnitId: w.unitA.id,
    count: 3,
    namePrefix: '孙小',
  });
  // N-2.6: one card is not made for a data problem when the first dispatch runs. It arrives
  // first, so its first intake number lies inside the first dispatch's range.
  const [, x] = people as [ResidentSeed, ResidentSeed];
  const notMade = await vendorList([
    vendorRow(x, { state: 'not_made_data_problem', cardNumber: undefined, problem: '照片不合格' }),
  ]);
  expect(notMade.status).toBe(201);
  await insertMadeCards(t, { districtId: '110105', unitId: w.unitA.id, count: 5 });
  await insertMadeCards(t, { districtId: '110105', unitId: w.unitB.id, count: 3 });
});
afterAll(() => t?.close());

describe('dispatch by intake range (N-2.2a / N-2.2b)', () => {
  it('the dispatch writes no card row; card_current shows the cards in their batches', async () => {
    const before = await rowVersions();
    const res = await dispatch();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ batchCount: 2, cardCount: 8, byRoute: { pickup: 2 } });
    expect(await rowVersions()).toEqual(before);
    batch.A1 = await batchOf(w.unitA.id, 0);
    batch.B1 = await batchOf(w.unitB.id, 0);
    const effective = await t.sql<{ state: string; batch_id: string | null; count: number }>(
      `SELECT state, batch_id, count(*)::int AS count FROM card_current
       GROUP BY state, batch_id ORDER BY count`,
    );
    expect(effective).toEqual([
      { state: 'not_made_data_problem', batch_id: null, count: 1 },
      { state: 'awaiting_pickup', batch_id: batch.B1, count: 3 },
      { state: 'awaiting_pickup', batch_id: batch.A1, count: 5 },
    ]);
    const [range] = await t.sql<{ intake_from: string; intake_upto: string }>(
      'SELECT intake_from::text, intake_upto::text FROM dispatch',
    );
    const [x] = await t.sql<{ intake_no: string }>(
      'SELECT intake_no::text FROM card WHERE resident_id = $1',
      [people[1]?.id],
    );
    expect(Number(range?.intake_from)).toBe(1);
    expect(Number(x?.intake_no)).toBeLessThan(Number(range?.intake_upto));
  });

  it('N-2.6 a vendor list after the dispatch does not join the open batch', async () => {
    const [late] = people as [ResidentSeed];
    const res = await vendorList([vendorRow(late)]);
    expect(res.status).toBe(201);
    expect(await current(late.id)).toEqual({ state: 'made', batch_id: null });
    const detail = await t.http.get(`/api/batches/${batch.A1}`).set(bearer(w.tokens.district));
    expect(detail.body).toMatchObject({ cardCount: 5, cardsByState: { awaiting_pickup: 5 } });
    const manifest = await t.http
      .get(`/api/batches/${batch.A1}/manifest`)
      .set(bearer(w.tokens.district));
    expect(manifest.body.cards).toHaveLength(5);
  });

  it('N-2.6 a card made after recollection gets a new intake number: not in the past batch', async () => {
    const [, x] = people as [ResidentSeed, ResidentSeed];
    const res = await vendorList([vendorRow(x)]);
    expect(res.status).toBe(201);
    expect(res.body.recollected).toBe(1);
    expect(await current(x.id)).toEqual({ state: 'made', batch_id: null });
    const list = await t.http.get(`/api/cards?batchId=${batch.A1}`).set(bearer(w.tokens.district));
    expect(list.body.total).toBe(5);
  });

  it('the dashboard counts the effective states, as card_current does', async () => {
    const res = await t.http.get('/api/dashboard').set(bearer(w.tokens.district));
    const effective = await t.sql<{ state: string; count: number }>(
      'SELECT state, count(*)::int AS count FROM card_current GROUP BY state',
    );
    expect(res.body.cardsByState).toMatchObject(
      Object.fromEntries(effective.map((r) => [r.state, r.count])),
    );
    expect(res.body.cardsByState).toMatchObject({ made: 2, awaiting_pickup: 8 });
  });

  it('N-2.2b the pickup writes exactly the batch’s cards; a second pickup is refused', async () => {
    const before = await rowVersions();
    const res = await pickup(batch.A1, w.unitA.code);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cardsMoved: 5, batch: { state: 'at_unit' } });
    expect(await stored(w.unitA.id)).toEqual([
      { state: 'at_unit', batch_id: batch.A1, count: 5 },
      { state: 'made', batch_id: null, count: 2 },
    ]);
    const after = await rowVersions();
    const written = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(written).toHaveLength(5);
    const again = await pickup(batch.A1, w.unitA.code);
    expect(again.status).toBe(409);
    expect(again.body.clause).toBe('N-2.2b');
    expect(await rowVersions()).toEqual(after);
  });

  it('a batch whose cards do not match its count is a conflict; nothing changes', async () => {
    await t.sql('UPDATE batch SET card_count = 4 WHERE id = $1', [batch.B1]);
    const before = await rowVersions();
    const res = await pickup(batch.B1, w.unitB.code);
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('state_conflict');
    expect(await rowVersions()).toEqual(before);
    const [b] = await t.sql<{ state: string }>('SELECT state FROM batch WHERE id = $1', [batch.B1]);
    expect(b?.state).toBe('awaiting_pickup');
    await t.sql('UPDATE batch SET card_count = 3 WHERE id = $1', [batch.B1]);
    expect((await pickup(batch.B1, w.unitB.code)).body.cardsMoved).toBe(3);
  });

  it('the next dispatch takes the late and the recollected cards', async () => {
    const res = await dispatch();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ batchCount: 1, cardCount: 2 });
    batch.A2 = await batchOf(w.unitA.id, 1);
    for (const p of people.slice(0, 2)) {
      expect(await current(p.id)).toEqual({ state: 'awaiting_pickup', batch_id: batch.A2 });
    }
    const ranges = await t.sql<{ intake_from: string; intake_upto: string }>(
      'SELECT intake_from::text, intake_upto::text FROM dispatch ORDER BY intake_from',
    );
    expect(Number(ranges[1]?.intake_from)).toBe(Number(ranges[0]?.intake_upto) + 1);
    expect((await dispatch()).status).toBe(409);
    expect((await pickup(batch.A2, w.unitA.code)).body.cardsMoved).toBe(2);
  });

  it('a batch dispatched before the intake ranges (cards stored in it) is still picked up', async () => {
    const legacy = await arrangeBatchAtUnit(t, w, {
      cards: 3,
      unitId: w.unitB.id,
      cardState: 'awaiting_pickup',
      batchState: 'awaiting_pickup',
    });
    const res = await pickup(legacy.batchId, w.unitB.code);
    expect(res.status).toBe(201);
    expect(res.body.cardsMoved).toBe(3);
    const rows = await t.sql<{ state: string }>('SELECT state FROM card WHERE batch_id = $1', [
      legacy.batchId,
    ]);
    expect(rows.map((r) => r.state)).toEqual(['at_unit', 'at_unit', 'at_unit']);
  });
});

// Two connections are needed, so this runs on real PostgreSQL only (PGlite serves one).
describe.skipIf(skipWithoutPostgres)(
  postgresOnly('the intake waits for a dispatch in flight'),
  () => {
    it('a vendor list of the district blocks while the district is locked for a dispatch', async () => {
      const other = new pg.Client({ connectionString: t.runtime.databaseUrl });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`SELECT id FROM district WHERE id = '110105' FOR NO KEY UPDATE`);
        let done = false;
        const late = vendorList([vendorRow(people[2] as ResidentSeed)]).then((r) => {
          done = true;
          return r;
        });
        await new Promise((r) => setTimeout(r, 500));
        expect(done).toBe(false);
        await other.query('COMMIT');
        expect((await late).status).toBe(201);
      } finally {
        await other.end();
      }
    });
  },
);
