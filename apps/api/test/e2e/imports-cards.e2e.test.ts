import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertResidents, type ResidentSeed, validIdNumber } from '../card-fixtures.js';
import { arrangeBatchAtUnit, type ArrangedBatch, cardStates } from '../distribution-fixtures.js';
import { seedBasics, type BasicWorld } from '../fixtures.js';
import {
  commit,
  dryRun,
  issues,
  SIGNATURE_HEADER,
  upload,
  VENDOR_HEADER,
  xlsx,
} from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let people: ResidentSeed[];
let batch: ArrangedBatch;
let other: ArrangedBatch;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-10' });
  w = await seedBasics(t);
  people = await insertResidents(t, {
    districtId: '110105',
    currentUnitId: w.unitA.id,
    count: 5,
    namePrefix: '张小',
  });
  batch = await arrangeBatchAtUnit(t, w, { cards: 4 });
  other = await arrangeBatchAtUnit(t, w, { cards: 1, unitId: w.unitB.id });
});
afterAll(() => t?.close());

const person = (i: number) => people[i] as ResidentSeed;
const made = (p: ResidentSeed, cardNumber: string) => [
  cardNumber,
  p.name,
  '居民身份证',
  p.idNumber,
  w.unitA.code,
  '已制卡',
  null,
];

describe('vendor card list (制卡数据) — N-2.6, the checks of the JSON endpoint', () => {
  it('unit staff may not import it (403)', async () => {
    const file = await xlsx(VENDOR_HEADER, [made(person(0), 'CY00000001')]);
    const res = await upload(t, w.tokens.unitA, { kind: 'vendor_cards', file });
    expect(res.status).toBe(403);
  });

  it('unknown residents and units, wrong names and repeated card numbers are reported', async () => {
    const stranger = validIdNumber();
    const file = await xlsx(VENDOR_HEADER, [
      made(person(0), 'CY00000001'),
      ['CY00000002', '张三', '居民身份证', stranger, w.unitA.code, '已制卡', null],
      [
        'CY00000003',
        person(1).name,
        '居民身份证',
        person(1).idNumber,
        '11010899999',
        '已制卡',
        null,
      ],
      ['CY00000004', '李四', '居民身份证', person(2).idNumber, w.unitA.code, '已制卡', null],
      made(person(3), 'CY00000001'),
    ]);
    const job = await dryRun(t, w.tokens.district, { kind: 'vendor_cards', file });
    expect(job).toMatchObject({
      state: 'invalid',
      rowsRead: 5,
      rowsValid: 0,
      districtId: '110105',
    });
    const found = await issues(t, w.tokens.district, job.id);
    expect(found.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, '卡号', '卡号与第6行重复 / Card number repeats row 6'],
      [3, '公民身份号码', '没有该证件号码的参保人员 / No enrolled resident has this ID number'],
      [4, '单位编码', '不是本区县的参保单位 / Not a registration code of a unit in your district'],
      [
        5,
        '姓名',
        '姓名与该证件号码的参保登记不符 / The name does not match this ID number’s resident',
      ],
      [6, '卡号', '卡号与第2行重复 / Card number repeats row 2'],
    ]);
    const [cards] = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM card WHERE card_number LIKE 'CY%'",
    );
    expect(cards?.n).toBe(0);
  });

  it('a clean list commits: made and not-made cards, one audit entry per card', async () => {
    const file = await xlsx(VENDOR_HEADER, [
      made(person(0), 'CY00000011'),
      made(person(1), 'cy 0000 0012'),
      [
        null,
        person(2).name,
        '居民身份证',
        person(2).idNumber,
        w.unitA.code,
        '未制卡',
        '照片不合格',
      ],
    ]);
    const job = await dryRun(t, w.tokens.district, { kind: 'vendor_cards', file });
    expect(job).toMatchObject({ state: 'valid', rowsValid: 3 });
    const done = await commit(t, w.tokens.district, job.id);
    expect(done).toMatchObject({
      state: 'committed',
      result: { imported: 3, made: 2, notMade: 1, recollected: 0, rows: 3 },
    });
    const cards = await t.sql<{
      card_number: string | null;
      state: string;
      problem: string | null;
    }>(
      `SELECT c.card_number, c.state, c.problem FROM card c JOIN resident r ON r.id = c.resident_id
       WHERE r.id = ANY($1::uuid[]) ORDER BY c.card_number NULLS LAST`,
      [[person(0).id, person(1).id, person(2).id]],
    );
    expect(cards).toEqual([
      { card_number: 'CY00000011', state: 'made', problem: null },
      { card_number: 'CY00000012', state: 'made', problem: null },
      { card_number: null, state: 'not_made_data_problem', problem: '照片不合格' },
    ]);
    const [audit] = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'card' AND action = 'vendor_import'",
    );
    expect(audit?.n).toBe(3);
  });

  it('N-2.6: a resident with a live card is refused; a card not made may come back made', async () => {
    const file = await xlsx(VENDOR_HEADER, [
      made(person(0), 'CY00000021'),
      made(person(2), 'CY00000022'),
    ]);
    const job = await dryRun(t, w.tokens.district, { kind: 'vendor_cards', file });
    expect(job.state).toBe('invalid');
    const found = await issues(t, w.tokens.district, job.id);
    expect(found.map((i) => [i.row, i.message])).toEqual([
      [2, '该参保人员已有社保卡（已制卡） / This resident already has a card (Made)'],
    ]);
  });
});

describe('signatures (发行回执单) — N-2.3, signed once, guarded in SQL', () => {
  const card = (i: number) => batch.cards[i] as ArrangedBatch['cards'][number];

  it('the admin does not record signatures (403); unit staff import into their own unit', async () => {
    const file = await xlsx(SIGNATURE_HEADER, [
      [card(0).cardNumber, card(0).holderName, '本人', null, '2011-01-05'],
    ]);
    const res = await upload(t, w.tokens.admin, { kind: 'signatures', file, unitId: w.unitA.id });
    expect(res.status).toBe(403);
  });

  it('cards of another unit, proxies who are not the designated person and future dates are refused', async () => {
    const file = await xlsx(SIGNATURE_HEADER, [
      [card(0).cardNumber, card(0).holderName, '本人', null, '2011-01-05'],
      [card(1).cardNumber, card(1).holderName, '代签', '王五', '2011-01-05'],
      [
        other.cards[0]?.cardNumber ?? '',
        other.cards[0]?.holderName ?? '',
        '本人',
        null,
        '2011-01-05',
      ],
      [card(2).cardNumber, card(2).holderName, '本人', null, '2011-01-11'],
      [card(3).cardNumber, '别人', '代签', '李老师', '2011-01-05'],
    ]);
    const job = await dryRun(t, w.tokens.unitA, { kind: 'signatures', file });
    expect(job).toMatchObject({ state: 'invalid', rowsRead: 5, rowsValid: 1 });
    const found = await issues(t, w.tokens.unitA, job.id);
    expect(found.map((i) => [i.row, i.column, i.message])).toEqual([
      [
        3,
        '签字人',
        '代签须由单位指定的专人（李老师）签字 / A proxy signature must be by the unit’s designated person (李老师)',
      ],
      [4, '卡号', '本单位没有该卡号的社保卡 / No card with this number belongs to your unit'],
      [
        5,
        '签收日期',
        '日期不能晚于今天（2011-01-10） / The date may not be after today (2011-01-10)',
      ],
      [6, '姓名', '姓名与该卡持卡人不符 / The name does not match the card holder'],
    ]);
    expect(
      await cardStates(
        t,
        batch.cards.map((c) => c.id),
      ),
    ).toEqual(Array(4).fill('at_unit'));
  });

  it('a clean sheet signs every card at once; a card already signed is then reported', async () => {
    const file = await xlsx(SIGNATURE_HEADER, [
      [card(0).cardNumber, card(0).holderName, '本人', null, '2011-01-05'],
      [card(1).cardNumber, card(1).holderName, '代签', '李老师', new Date(Date.UTC(2011, 0, 6))],
    ]);
    const job = await dryRun(t, w.tokens.unitA, { kind: 'signatures', file });
    expect(job.state).toBe('valid');
    const done = await commit(t, w.tokens.unitA, job.id);
    expect(done).toMatchObject({
      state: 'committed',
      result: { signed: 2, self: 1, proxy: 1, rows: 2 },
    });
    expect(
      await cardStates(
        t,
        batch.cards.map((c) => c.id),
      ),
    ).toEqual(['issued', 'issued', 'at_unit', 'at_unit']);
    const sigs = await t.sql<{ signer_kind: string; signer_name: string; signed_on: string }>(
      `SELECT signer_kind, signer_name, signed_on::text FROM signature WHERE card_id = ANY($1::uuid[])
       ORDER BY signed_on`,
      [[card(0).id, card(1).id]],
    );
    expect(sigs).toEqual([
      { signer_kind: 'self', signer_name: card(0).holderName, signed_on: '2011-01-05' },
      { signer_kind: 'proxy', signer_name: '李老师', signed_on: '2011-01-06' },
    ]);

    const again = await xlsx(SIGNATURE_HEADER, [
      [card(0).cardNumber, card(0).holderName, '本人', null, '2011-01-07'],
      [card(2).cardNumber, card(2).holderName, '本人', null, '2011-01-07'],
    ]);
    const second = await dryRun(t, w.tokens.district, {
      kind: 'signatures',
      file: again,
      unitId: w.unitA.id,
    });
    expect(second.state).toBe('invalid');
    const found = await issues(t, w.tokens.district, second.id);
    expect(found.map((i) => [i.row, i.message])).toEqual([
      [
        2,
        `该社保卡已于2011-01-05签收（${card(0).holderName}），不能重复签收 / This card was already signed for on 2011-01-05 (${card(0).holderName})`,
      ],
    ]);
  });
});
