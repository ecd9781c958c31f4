import { addDays, type BatchRoute, mod112CheckDigit } from '@sscard/rules';
import type { BasicWorld } from './fixtures.js';
import type { TestApp } from './test-app.js';

/**
 * Cards and batches for the receipts / returns / reissues tests, arranged in SQL so these tests
 * do not depend on the batches module. Everything is set-based (generate_series over arrays).
 */

export interface ArrangedCard {
  id: string;
  cardNumber: string;
  holderName: string;
  idNumber: string;
}

export interface ArrangedBatch {
  batchId: string;
  batchNumber: string;
  dispatchId: string;
  cards: ArrangedCard[];
}

let serial = 0;

/**
 * `count` valid 18-digit resident ID numbers of the district: area code + birth date + a
 * 3-digit sequence + the GB 11643 check digit. Each call continues the file-wide sequence.
 */
export function residentIdNumbers(districtId: string, count: number): string[] {
  return Array.from({ length: count }, () => {
    serial += 1;
    const birth = addDays('2003-09-01', Math.floor(serial / 900)).replaceAll('-', '');
    const body = `${districtId}${birth}${String((serial % 900) + 100)}`;
    return body + mod112CheckDigit(body);
  });
}

async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [
    username,
  ]);
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/**
 * A dispatch, one batch in state 'at_unit' for the unit (unit A by default), and `cards`
 * residents with their cards at the unit. `cardState`/`batchState` arrange other stages.
 */
export async function arrangeBatchAtUnit(
  t: TestApp,
  world: BasicWorld,
  options: {
    cards: number;
    route?: BatchRoute;
    unitId?: string;
    districtId?: string;
    cardState?: string;
    batchState?: string;
  },
): Promise<ArrangedBatch> {
  const districtId = options.districtId ?? world.districtId;
  const unitId = options.unitId ?? world.unitA.id;
  const staff = await userId(t, districtId === world.districtId ? 'cy-staff' : 'hd-staff');
  serial += 1;
  const tag = `${districtId}${String(serial).padStart(5, '0')}`;
  const [dispatch] = await t.sql<{ id: string }>(
    `INSERT INTO dispatch (district_id, pickup_place, pickup_deadline, batch_count, card_count, created_by)
     VALUES ($1, '区社保中心一楼大厅', '2011-01-10', 1, $2, $3) RETURNING id`,
    [districtId, options.cards, staff],
  );
  if (!dispatch) throw new Error('dispatch insert failed');
  const [batch] = await t.sql<{ id: string; number: string }>(
    `INSERT INTO batch (district_id, dispatch_id, unit_id, number, route, eligible_count, card_count, state)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id, number`,
    [
      districtId,
      dispatch.id,
      unitId,
      `PC${tag}`,
      options.route ?? 'pickup',
      options.cards,
      options.batchState ?? 'at_unit',
    ],
  );
  if (!batch) throw new Error('batch insert failed');
  const ids = residentIdNumbers(districtId, options.cards);
  const cards = await t.sql<ArrangedCard>(
    `WITH input AS (
       SELECT g.i, ($1::text[])[g.i] AS id_number FROM generate_series(1, cardinality($1::text[])) AS g(i)),
     people AS (
       INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, current_unit_id)
       SELECT $2, 'resident', id_number, '学生' || $6 || '-' || lpad(i::text, 3, '0'),
              to_date(substr(id_number, 7, 8), 'YYYYMMDD'), 'student_child', $3
       FROM input RETURNING id, id_number, name),
     made AS (
       INSERT INTO card (district_id, resident_id, made_for_unit_id, card_number, state, batch_id)
       SELECT $2, p.id, $3, 'K' || $6 || lpad(input.i::text, 4, '0'), $4, $5
       FROM people p JOIN input USING (id_number)
       RETURNING id, card_number, resident_id)
     SELECT m.id, m.card_number AS "cardNumber", p.name AS "holderName", p.id_number AS "idNumber"
     FROM made m JOIN people p ON p.id = m.resident_id ORDER BY m.card_number`,
    [ids, districtId, unitId, options.cardState ?? 'at_unit', batch.id, tag],
  );
  return { batchId: batch.id, batchNumber: batch.number, dispatchId: dispatch.id, cards };
}

/** The number of signature rows of a card (0 or 1: a card is signed for once, N-2.3). */
export async function signatureCount(t: TestApp, cardId: string): Promise<number> {
  const [row] = await t.sql<{ n: number }>(
    'SELECT count(*)::int AS n FROM signature WHERE card_id = $1',
    [cardId],
  );
  return row?.n ?? 0;
}

/** The cards' effective states (card_current: a card of an open batch shows that batch's state). */
export async function cardStates(t: TestApp, cardIds: string[]): Promise<string[]> {
  const rows = await t.sql<{ state: string }>(
    `SELECT c.state FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n) JOIN card_current c ON c.id = x.id
     ORDER BY x.n`,
    [cardIds],
  );
  return rows.map((r) => r.state);
}

/** Every full 18-character resident ID number found anywhere in a response body. */
export function fullIdNumbersIn(body: unknown): string[] {
  return JSON.stringify(body).match(/\b\d{17}[\dX]\b/g) ?? [];
}
