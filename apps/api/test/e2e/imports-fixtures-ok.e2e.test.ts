import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnit } from '../card-fixtures.js';
import { PASSWORD, seedBasics, type BasicWorld } from '../fixtures.js';
import { passwordHasher } from '../../src/modules/auth/password-hasher.js';
import { commit, dryRun } from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * Every file of test/fixtures/import/ok (see its README) through the HTTP API: dry run, then
 * commit. The files are real: exceljs-written, LibreOffice-saved, a WPS-style government
 * layout, CSV in UTF-8 with BOM and in GB18030.
 */
const OK = new URL('../../../../test/fixtures/import/ok/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, OK));

let t: TestApp;
let w: BasicWorld;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-15' });
  w = await seedBasics(t);
});
afterAll(() => t?.close());

const PEOPLE = ['张三', '李小红', '王五', '赵六', '陈七'];

/** The residents a committed job registered (its audit entries name the job). */
const registeredBy = (jobId: string) =>
  t.sql<{ name: string; category: string; birth_date: string; flags: string[] }>(
    `SELECT r.name, r.category, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date, r.subsidy_flags AS flags
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
    ['roster-wps-style.xlsx', 5],
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
    expect(people[0]).toEqual({
      name: '张三',
      category: 'elderly',
      birth_date: '1949-12-31',
      flags: ['minimum_living_allowance'],
    });
    await forget(job.id);
  });
});

describe('ok/ card lists and receipts', () => {
  let vendorUnit: { id: string; code: string };

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
    expect(job).toMatchObject({ state: 'valid', rowsRead: 3, rowsValid: 3 });
    const done = await commit(t, w.tokens.district, job.id);
    expect(done.result).toEqual({ imported: 3, made: 2, notMade: 1, recollected: 0, rows: 3 });
    const cards = await t.sql<{
      name: string;
      card_number: string | null;
      state: string;
      unit: string;
    }>(
      `SELECT r.name, c.card_number, c.state, c.made_for_unit_id AS unit FROM card c
       JOIN resident r ON r.id = c.resident_id ORDER BY c.card_number NULLS LAST`,
    );
    expect(cards).toEqual([
      { name: '张三', card_number: 'A10000001', state: 'made', unit: vendorUnit.id },
      { name: '李小红', card_number: 'A10000002', state: 'made', unit: vendorUnit.id },
      { name: '王五', card_number: null, state: 'not_made_data_problem', unit: vendorUnit.id },
    ]);
  });

  it('signatures.xlsx: 本人 and 代签 by the designated person (N-2.3)', async () => {
    // The two made cards reach the unit in a batch; the unit names 李老师 (arranged in SQL).
    await t.sql(`UPDATE unit SET designated_person_name = '李老师' WHERE id = $1`, [vendorUnit.id]);
    const [dispatch] = await t.sql<{ id: string }>(
      `INSERT INTO dispatch (district_id, pickup_place, pickup_deadline, batch_count, card_count, created_by)
       SELECT '110105', '区社保中心', '2011-01-10', 1, 2, id FROM app_user WHERE username = 'cy-staff'
       RETURNING id`,
    );
    const [batch] = await t.sql<{ id: string }>(
      `INSERT INTO batch (district_id, dispatch_id, unit_id, number, route, eligible_count, card_count, state)
       VALUES ('110105', $1, $2, 'PC-FIXTURE', 'pickup', 2, 2, 'at_unit') RETURNING id`,
      [dispatch?.id, vendorUnit.id],
    );
    await t.sql(
      `UPDATE card SET state = 'at_unit', batch_id = $1 WHERE card_number IN ('A10000001', 'A10000002')`,
      [batch?.id],
    );
    const job = await dryRun(t, w.tokens.district, {
      kind: 'signatures',
      unitId: vendorUnit.id,
      file: fixture('signatures.xlsx'),
    });
    expect(job).toMatchObject({ state: 'valid', rowsRead: 2, rowsValid: 2 });
    const done = await commit(t, w.tokens.district, job.id);
    expect(done.result).toEqual({ signed: 2, self: 1, proxy: 1, rows: 2 });
    const signed = await t.sql(
      `SELECT c.card_number, c.state, s.signer_kind, s.signer_name, s.signed_on::text
       FROM signature s JOIN card c ON c.id = s.card_id ORDER BY c.card_number`,
    );
    expect(signed).toEqual([
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

  it('students.xlsx: the college sheet (S-1.2) imports into its college, numbered 序号 1–3', async () => {
    const [uni] = await t.sql<{ id: string }>(
      `INSERT INTO unit (district_id, name, kind, registration_code)
       VALUES ('110105', '北京示范大学', 'university', '11010590000') RETURNING id`,
    );
    const [college] = await t.sql<{ id: string }>(
      `INSERT INTO unit (district_id, parent_unit_id, name, kind, registration_code)
       VALUES ('110105', $1, '信息学院', 'college', '11010590001') RETURNING id`,
      [uni?.id],
    );
    await t.sql(
      `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id)
       VALUES ('info-staff', '信息学院教务', $1, 'college_staff', '110105', $2)`,
      [await passwordHasher.hash(PASSWORD), college?.id],
    );
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'info-staff', password: PASSWORD });
    const token = login.body.token as string;
    // College staff import into their own college without naming it.
    const job = await dryRun(t, token, { kind: 'students', file: fixture('students.xlsx') });
    expect(job).toMatchObject({ state: 'valid', rowsRead: 3, rowsValid: 3, issueCount: 0 });
    expect(await commit(t, token, job.id)).toMatchObject({
      state: 'committed',
      result: { students: 3 },
    });
    const rows = await t.sql<{ seq: number; name: string; college: string }>(
      `SELECT s.seq, s.name, u.name AS college FROM student s JOIN unit u ON u.id = s.college_unit_id
       ORDER BY s.seq`,
    );
    expect(rows).toEqual([
      { seq: 1, name: '王小明', college: '信息学院' },
      { seq: 2, name: '陈美玲', college: '信息学院' },
      { seq: 3, name: '李华', college: '信息学院' },
    ]);
  });
});
