import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnit } from '../card-fixtures.js';
import { seedBasics, type BasicWorld } from '../fixtures.js';
import { okFixture as fixture, seedInfoCollege } from '../import-fixture-world.js';
import { commit, dryRun } from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * Every file of test/fixtures/import/ok (see its README for how each was made) through the HTTP
 * API: dry run, then commit. Written by exceljs, saved by LibreOffice (from CSV), shaped as
 * Excel and WPS write their files, CSV in UTF-8 with BOM and in GB18030.
 */
let t: TestApp;
let w: BasicWorld;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-15' });
  w = await seedBasics(t);
});
afterAll(() => t?.close());

const PEOPLE = ['张三', '李小红', '王五', '赵六', '陈七'];
/** Their ID numbers as stored: every roster writes them in its own way. */
const ID_NUMBERS = [
  '11010519491231002X',
  '110108201509010029',
  '110105198003150119',
  '110105197511200237',
  '110108195001010345',
];

/** The residents a committed job registered (its audit entries name the job). */
const registeredBy = (jobId: string) =>
  t.sql<{
    name: string;
    id_number: string;
    category: string;
    birth_date: string;
    flags: string[];
  }>(
    `SELECT r.name, r.id_number, r.category, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date,
            r.subsidy_flags AS flags
     FROM resident r JOIN audit_log a ON a.entity = 'resident' AND a.entity_id = r.id::text
     WHERE a.action = 'import' AND a.after->>'importJobId' = $1 ORDER BY a.id`,
    [jobId],
  );

/** The fixtures share their people: each roster test leaves the database as it found it. */
const forget = (jobId: string) =>
  t.sql(
    `DELETE FROM resident WHERE id::text IN (
       SELECT entity_id FROM audit_log WHERE action = 'import' AND after->>'importJobId' = $1)`,
    [jobId],
  );

describe('ok/ rosters: valid, then committed at the unit', () => {
  it.each([
    ['roster-exceljs.xlsx', 5],
    ['roster-libreoffice.xlsx', 5],
    ['roster-excel-style.xlsx', 5],
    ['roster-wps-style.xlsx', 5],
    // Issue 4: ID numbers normalised (full-width digits, spaces, a lower-case x) and checked.
    ['roster-id-variants.xlsx', 5],
    ['roster-utf8-bom.csv', 5],
    ['roster-gb18030.csv', 5],
    ['roster-trailing-blank-rows.xlsx', 3],
  ])('%s: %i people', async (name, count) => {
    const job = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file: fixture(name),
      name,
    });
    expect(job).toMatchObject({
      state: 'valid',
      rowsRead: count,
      rowsValid: count,
      issueCount: 0,
      message: null,
      format: name.endsWith('.csv') ? 'csv' : 'xlsx',
    });
    const done = await commit(t, w.tokens.district, job.id);
    expect(done).toMatchObject({ state: 'committed', rowsWritten: count });
    const people = await registeredBy(job.id);
    expect(people.map((p) => p.name)).toEqual(PEOPLE.slice(0, count));
    expect(people.map((p) => p.id_number)).toEqual(ID_NUMBERS.slice(0, count));
    expect(people[0]).toEqual({
      name: '张三',
      id_number: '11010519491231002X',
      category: 'elderly',
      birth_date: '1949-12-31',
      flags: ['minimum_living_allowance'],
    });
    await forget(job.id);
  });
});

describe('ok/ card lists and receipts', () => {
  let vendorUnit: { id: string; code: string };

  const cardsOf = (names: string[]) =>
    t.sql<{ name: string; card_number: string | null; state: string; unit: string }>(
      `SELECT r.name, c.card_number, c.state, c.made_for_unit_id AS unit FROM card c
       JOIN resident r ON r.id = c.resident_id WHERE r.name = ANY($1::text[])
       ORDER BY c.card_number NULLS LAST`,
      [names],
    );

  /** The made cards reach the vendor's unit in a batch of their own (arranged in SQL). */
  async function atUnit(batchNumber: string, cardNumbers: string[]): Promise<void> {
    const [dispatch] = await t.sql<{ id: string }>(
      `INSERT INTO dispatch (district_id, pickup_place, pickup_deadline, batch_count, card_count, created_by)
       SELECT '110105', '区社保中心', '2011-01-10', 1, $1, id FROM app_user WHERE username = 'cy-staff'
       RETURNING id`,
      [cardNumbers.length],
    );
    const [batch] = await t.sql<{ id: string }>(
      `INSERT INTO batch (district_id, dispatch_id, unit_id, number, route, eligible_count, card_count, state)
       VALUES ('110105', $1, $2, $3, 'pickup', $4, $4, 'at_unit') RETURNING id`,
      [dispatch?.id, vendorUnit.id, batchNumber, cardNumbers.length],
    );
    await t.sql(
      `UPDATE card SET state = 'at_unit', batch_id = $1 WHERE card_number = ANY($2::text[])`,
      [batch?.id, cardNumbers],
    );
  }

  const signaturesOf = (cardNumbers: string[]) =>
    t.sql(
      `SELECT c.card_number, c.state, s.signer_kind, s.signer_name, s.signed_on::text
       FROM signature s JOIN card c ON c.id = s.card_id WHERE c.card_number = ANY($1::text[])
       ORDER BY c.card_number`,
      [cardNumbers],
    );

  it('vendor-cards.xlsx: two made cards and one not made (N-2.4a, N-2.6)', async () => {
    // The vendor's people and unit: registered through the roster import, the unit in SQL.
    const roster = await dryRun(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitB.id,
      file: fixture('roster-exceljs.xlsx'),
    });
    await commit(t, w.tokens.district, roster.id);
    vendorUnit = await insertUnit(t, {
      districtId: '110105',
      name: '朝阳区第一中学',
      code: 'U110105001',
    });

    const job = await dryRun(t, w.tokens.district, {
      kind: 'vendor_cards',
      file: fixture('vendor-cards.xlsx'),
      name: 'vendor-cards.xlsx',
    });
    expect(job).toMatchObject({ state: 'valid', rowsRead: 3, rowsValid: 3, issueCount: 0 });
    const done = await commit(t, w.tokens.district, job.id);
    expect(done.result).toEqual({ imported: 3, made: 2, notMade: 1, recollected: 0, rows: 3 });
    expect(await cardsOf(['张三', '李小红', '王五'])).toEqual([
      { name: '张三', card_number: 'A10000001', state: 'made', unit: vendorUnit.id },
      { name: '李小红', card_number: 'A10000002', state: 'made', unit: vendorUnit.id },
      { name: '王五', card_number: null, state: 'not_made_data_problem', unit: vendorUnit.id },
    ]);
  });

  it('vendor-cards-libreoffice.xlsx: the next list, typed up in LibreOffice Calc (N-2.6)', async () => {
    const job = await dryRun(t, w.tokens.district, {
      kind: 'vendor_cards',
      file: fixture('vendor-cards-libreoffice.xlsx'),
      name: 'vendor-cards-libreoffice.xlsx',
    });
    expect(job).toMatchObject({ state: 'valid', rowsRead: 2, rowsValid: 2, issueCount: 0 });
    const done = await commit(t, w.tokens.district, job.id);
    expect(done.result).toEqual({ imported: 2, made: 2, notMade: 0, recollected: 0, rows: 2 });
    expect(await cardsOf(['赵六', '陈七'])).toEqual([
      { name: '赵六', card_number: 'A10000003', state: 'made', unit: vendorUnit.id },
      { name: '陈七', card_number: 'A10000004', state: 'made', unit: vendorUnit.id },
    ]);
  });

  it('signatures.xlsx: 本人 and 代签 by the designated person (N-2.3)', async () => {
    // The unit names 李老师 as its designated person (arranged in SQL).
    await t.sql(`UPDATE unit SET designated_person_name = '李老师' WHERE id = $1`, [vendorUnit.id]);
    await atUnit('PC-FIXTURE-1', ['A10000001', 'A10000002']);
    const job = await dryRun(t, w.tokens.district, {
      kind: 'signatures',
      unitId: vendorUnit.id,
      file: fixture('signatures.xlsx'),
    });
    expect(job).toMatchObject({ state: 'valid', rowsRead: 2, rowsValid: 2, issueCount: 0 });
    const done = await commit(t, w.tokens.district, job.id);
    expect(done.result).toEqual({ signed: 2, self: 1, proxy: 1, rows: 2 });
    expect(await signaturesOf(['A10000001', 'A10000002'])).toEqual([
      {
        card_number: 'A10000001',
        state: 'issued',
        signer_kind: 'self',
        signer_name: '张三',
        signed_on: '2011-01-10',
      },
      {
        card_number: 'A10000002',
        state: 'issued',
        signer_kind: 'proxy',
        signer_name: '李老师',
        signed_on: '2011-01-12',
      },
    ]);
  });

  it('signatures-libreoffice.xlsx: dates typed as date cells in LibreOffice Calc (N-2.3)', async () => {
    await atUnit('PC-FIXTURE-2', ['A10000003', 'A10000004']);
    const job = await dryRun(t, w.tokens.district, {
      kind: 'signatures',
      unitId: vendorUnit.id,
      file: fixture('signatures-libreoffice.xlsx'),
    });
    expect(job).toMatchObject({ state: 'valid', rowsRead: 2, rowsValid: 2, issueCount: 0 });
    const done = await commit(t, w.tokens.district, job.id);
    expect(done.result).toEqual({ signed: 2, self: 1, proxy: 1, rows: 2 });
    expect(await signaturesOf(['A10000003', 'A10000004'])).toEqual([
      {
        card_number: 'A10000003',
        state: 'issued',
        signer_kind: 'self',
        signer_name: '赵六',
        signed_on: '2011-01-13',
      },
      {
        card_number: 'A10000004',
        state: 'issued',
        signer_kind: 'proxy',
        signer_name: '李老师',
        signed_on: '2011-01-14',
      },
    ]);
  });
});

describe('ok/ student sheets (S-1.2) of 信息学院', () => {
  let token = '';
  const students = () =>
    t.sql<{ seq: number; name: string; college: string }>(
      `SELECT s.seq, s.name, u.name AS college FROM student s JOIN unit u ON u.id = s.college_unit_id
       ORDER BY s.seq`,
    );

  beforeAll(async () => {
    ({ token } = await seedInfoCollege(t));
  });

  it('students.xlsx: under a merged title, imported into its college, numbered 序号 1–3', async () => {
    // College staff import into their own college without naming it.
    const job = await dryRun(t, token, { kind: 'students', file: fixture('students.xlsx') });
    expect(job).toMatchObject({ state: 'valid', rowsRead: 3, rowsValid: 3, issueCount: 0 });
    expect(await commit(t, token, job.id)).toMatchObject({
      state: 'committed',
      result: { students: 3 },
    });
    expect(await students()).toEqual([
      { seq: 1, name: '王小明', college: '信息学院' },
      { seq: 2, name: '陈美玲', college: '信息学院' },
      { seq: 3, name: '李华', college: '信息学院' },
    ]);
  });

  it('students-libreoffice.xlsx: the next three, typed up in Calc under a title line, 序号 4–6', async () => {
    const job = await dryRun(t, token, {
      kind: 'students',
      file: fixture('students-libreoffice.xlsx'),
    });
    expect(job).toMatchObject({ state: 'valid', rowsRead: 3, rowsValid: 3, issueCount: 0 });
    expect(await commit(t, token, job.id)).toMatchObject({
      state: 'committed',
      result: { students: 3 },
    });
    expect((await students()).slice(3)).toEqual([
      { seq: 4, name: '孙一', college: '信息学院' },
      { seq: 5, name: '钱二', college: '信息学院' },
      { seq: 6, name: '刘三', college: '信息学院' },
    ]);
  });
});
