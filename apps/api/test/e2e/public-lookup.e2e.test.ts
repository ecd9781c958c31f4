import { mod112CheckDigit } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, type BasicWorld } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

const idFor = (seq: number) => {
  const body = `110105200501${String((seq % 28) + 1).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`;
  return body + mod112CheckDigit(body);
};

let t: TestApp;
let w: BasicWorld;
const ID_AT_UNIT = idFor(1);
const ID_NO_CARD = idFor(2);
const ID_POOL = idFor(3);
const ID_DATA = idFor(4);

async function resident(idNumber: string, name: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, current_unit_id)
     VALUES ('110105', 'resident', $1, $2, $3, 'student_child', $4) RETURNING id`,
    [
      idNumber,
      name,
      `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      w.unitA.id,
    ],
  );
  if (!row) throw new Error('insert failed');
  return row.id;
}

async function card(residentId: string, state: string, cardNumber: string | null): Promise<void> {
  await t.sql(
    `INSERT INTO card (district_id, resident_id, made_for_unit_id, card_number, state, problem)
     VALUES ('110105', $1, $2, $3, $4, $5)`,
    [
      residentId,
      w.unitA.id,
      cardNumber,
      state,
      state === 'not_made_data_problem' ? '照片不合格' : null,
    ],
  );
}

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-10' });
  w = await seedBasics(t);
  await card(await resident(ID_AT_UNIT, '王小明'), 'at_unit', 'C0000001');
  await resident(ID_NO_CARD, '李小红');
  await card(await resident(ID_POOL, '赵小刚'), 'in_reissue_pool', 'C0000003');
  await card(await resident(ID_DATA, '钱小丽'), 'not_made_data_problem', null);
});
afterAll(() => t?.close());

const lookup = (body: unknown, ip = '203.0.113.1') =>
  t.http
    .post('/api/public/card-status')
    .set('X-Forwarded-For', ip)
    .send(body as object);

describe('public parent lookup POST /api/public/card-status', () => {
  it('N-2.4b a card at the unit: where it is and collect by 2011-01-15; the ID is masked', async () => {
    const res = await lookup({ name: '王小明', idNumber: ID_AT_UNIT });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      found: true,
      state: 'at_unit',
      holdingUnit: '朝阳区实验小学',
      clause: 'N-2.4b',
      deadline: '2011-01-15',
    });
    expect(res.body.nextStep.zh).toContain('朝阳区实验小学');
    expect(res.text).not.toContain(ID_AT_UNIT);
    expect(res.text).not.toContain(ID_AT_UNIT.slice(6, 14));
    expect(res.body.idNumber).toBe(`${ID_AT_UNIT.slice(0, 6)}********${ID_AT_UNIT.slice(14)}`);
  });

  it('full-width digits and spaces in the typed number are accepted', async () => {
    const typed = ID_AT_UNIT.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(
      /(.{6})/,
      '$1 ',
    );
    const res = await lookup({ name: ' 王小明 ', idNumber: typed });
    expect(res.body.found).toBe(true);
  });

  it('N-1.5 enrolled without a card yet: the temporary certificate', async () => {
    const res = await lookup({ name: '李小红', idNumber: ID_NO_CARD });
    expect(res.body).toMatchObject({ found: true, state: 'no_card', clause: 'N-1.5' });
  });

  it('N-2.4d a card in the reissue pool: from 2011-03-02, call 96102 and go to the service point', async () => {
    const res = await lookup({ name: '赵小刚', idNumber: ID_POOL });
    expect(res.body).toMatchObject({
      state: 'in_reissue_pool',
      clause: 'N-2.4d',
      from: '2011-03-02',
    });
    expect(res.body.helpLines).toEqual(['96102']);
  });

  it('N-2.6 not made because of a data problem', async () => {
    const res = await lookup({ name: '钱小丽', idNumber: ID_DATA });
    expect(res.body).toMatchObject({ state: 'not_made_data_problem', clause: 'N-2.6' });
  });

  it('"no such person" and "name does not match" are byte-identical', async () => {
    const nobody = await lookup({ name: '王小明', idNumber: idFor(500) });
    const wrongName = await lookup({ name: '王大明', idNumber: ID_AT_UNIT });
    expect(nobody.status).toBe(200);
    expect(wrongName.status).toBe(200);
    expect(nobody.text).toBe(wrongName.text);
    expect(JSON.parse(nobody.text)).toEqual({
      found: false,
      message: expect.stringContaining('96102'),
    });
  });

  it('an ID failing its check digit is a 422 naming the expected digit; other bad input is 422 too', async () => {
    const wrongDigit = ID_AT_UNIT.slice(0, 17) + (ID_AT_UNIT.endsWith('0') ? '1' : '0');
    const res = await lookup({ name: '王小明', idNumber: wrongDigit });
    expect(res.status).toBe(422);
    expect(res.body.fields.idNumber).toContain('校验码');
    const empty = await lookup({});
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.fields).sort()).toEqual(['idNumber', 'name']);
    expect((await lookup({ name: 5, idNumber: [] })).status).toBe(422);
    expect((await lookup({ name: '王', idNumber: 'H1234' })).status).toBe(422);
  });

  it('rate-limited per ID number (429 after 10 a minute) even from different addresses', async () => {
    const id = idFor(700);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push((await lookup({ name: '某人', idNumber: id }, `198.51.100.${i}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const last = await lookup({ name: '某人', idNumber: id }, '198.51.100.99');
    expect(last.status).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
  });

  it('rate-limited per address (429 after 60 a minute)', async () => {
    let status = 0;
    for (let i = 0; i < 61; i += 1)
      status = (await lookup({ name: '某人', idNumber: idFor(800 + i) }, '192.0.2.7')).status;
    expect(status).toBe(429);
  });
});
