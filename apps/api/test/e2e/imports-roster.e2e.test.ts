import { maskIdNumber, mod112CheckDigit } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validIdNumber } from '../card-fixtures.js';
import { fullIdNumbersIn } from '../distribution-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import {
  commit,
  dryRun,
  issues,
  ROSTER_HEADER,
  rosterRow,
  settle,
  upload,
  xlsx,
} from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-10' });
  w = await seedBasics(t);
});
afterAll(() => t?.close());

const residents = async (idNumbers: string[]) =>
  (
    await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM resident WHERE id_number = ANY($1::text[])',
      [idNumbers],
    )
  )[0]?.n ?? 0;

/** The same number with a wrong check character. */
const badCheckDigit = (id: string) => {
  const right = mod112CheckDigit(id.slice(0, 17));
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
};

describe('roster import (花名册): dry run, then all or nothing', () => {
  const ids = [validIdNumber(), validIdNumber(), validIdNumber()];
  let firstJob = '';
  let file: Buffer;

  it('N-1.6: the dry run validates without writing; the commit registers every row at the unit', async () => {
    file = await xlsx(ROSTER_HEADER, [
      rosterRow(ids[0] as string, '王小明'),
      // The birth date is checked against the ID number; institutions as "编码（类别）".
      [
        '李小红',
        '身份证',
        ids[1] as string,
        `${(ids[1] as string).slice(6, 10)}-${(ids[1] as string).slice(10, 12)}-${(ids[1] as string).slice(12, 14)}`,
        '学生',
        '低保',
        'SQ001（社区卫生服务机构）、ZH002（综合医院）、ZH003（综合医院）',
        '三年级二班',
      ],
      rosterRow(ids[2] as string, '赵小刚', '三年级一班'),
    ]);
    const res = await upload(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
      name: '三年级花名册.xlsx',
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      kind: 'roster',
      state: 'validating',
      fileName: '三年级花名册.xlsx',
      unit: { id: w.unitA.id, name: '朝阳区实验小学' },
      districtId: '110105',
    });
    firstJob = res.body.id;
    const valid = await settle(t, w.tokens.district, firstJob);
    expect(valid).toMatchObject({
      state: 'valid',
      phase: 'finished',
      rowsRead: 3,
      rowsValid: 3,
      issueCount: 0,
      message: null,
      format: 'xlsx',
    });
    expect(await residents(ids)).toBe(0);

    const done = await commit(t, w.tokens.district, firstJob);
    expect(done).toMatchObject({
      state: 'committed',
      rowsRead: 3,
      rowsValid: 3,
      rowsWritten: 3,
      percent: 100,
      result: { residents: 3, institutions: 3, rows: 3 },
    });
    expect(done.committedAt).not.toBeNull();
    const rows = await t.sql<{
      name: string;
      current_unit_id: string;
      district_id: string;
      birth_date: string;
      subsidy_flags: string[];
      category: string;
    }>(
      `SELECT name, current_unit_id, district_id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date,
              subsidy_flags, category
       FROM resident WHERE id_number = ANY($1::text[]) ORDER BY name`,
      [ids],
    );
    expect(rows.map((r) => r.name)).toEqual(['李小红', '王小明', '赵小刚']);
    expect(new Set(rows.map((r) => r.current_unit_id))).toEqual(new Set([w.unitA.id]));
    expect(rows[0]).toMatchObject({
      subsidy_flags: ['minimum_living_allowance'],
      category: 'student_child',
    });
    const [inst] = await t.sql<{ codes: string }>(
      `SELECT string_agg(d.code || ':' || d.kind, ',' ORDER BY d.position) AS codes
       FROM designated_institution d JOIN resident r ON r.id = d.resident_id WHERE r.id_number = $1`,
      [ids[1]],
    );
    expect(inst?.codes).toBe('SQ001:community_health,ZH002:general,ZH003:general');
  });

  it('one audit entry per resident with the ID masked, and one for the import itself', async () => {
    const audit = await t.sql<{
      after: { idNumber: string; importJobId: string };
    }>(
      `SELECT a.after FROM audit_log a JOIN resident r ON a.entity_id = r.id::text
       WHERE a.entity = 'resident' AND a.action = 'import' AND r.id_number = ANY($1::text[])`,
      [ids],
    );
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => a.after.idNumber).sort()).toEqual(ids.map(maskIdNumber).sort());
    // Who, when, which person, from which job: the imported values are the resident row itself
    // and are not copied into the log (docs/performance.md, roster import).
    expect(audit.every((a) => Object.keys(a.after).sort().join() === 'idNumber,importJobId')).toBe(
      true,
    );
    expect(audit.every((a) => a.after.importJobId === firstJob)).toBe(true);
    // N-2.3: the class (班级) is stored on the resident (the stock list filters by it).
    const stored = await t.sql<{ name: string; class_name: string }>(
      'SELECT name, class_name FROM resident WHERE id_number = ANY($1::text[]) ORDER BY name',
      [ids],
    );
    expect(stored.map((r) => `${r.name}:${r.class_name}`)).toEqual([
      '李小红:三年级二班',
      '王小明:三年级二班',
      '赵小刚:三年级一班',
    ]);
    expect(fullIdNumbersIn(audit)).toEqual([]);
    const [job] = await t.sql<{ after: { result: Record<string, number> } }>(
      `SELECT after FROM audit_log WHERE entity = 'import_job' AND entity_id = $1 AND action = 'import_commit'`,
      [firstJob],
    );
    expect(job?.after.result).toEqual({ residents: 3, institutions: 3, rows: 3 });
  });

  it('the same file again → 409 naming when and which job imported it', async () => {
    const res = await upload(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
      name: '再次上传.xlsx',
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('state_conflict');
    expect(res.body.message).toMatch(
      new RegExp(
        `^相同内容的文件已于\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}导入（导入任务 ${firstJob}），不能重复导入 / A file with the same content was already imported on .* \\(job ${firstJob}\\); it is not imported twice$`,
      ),
    );
    const [n] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM import_job');
    expect(n?.n).toBe(1);
  });

  it('the same content for another unit is another import', async () => {
    const job = await dryRun(t, w.tokens.district, { kind: 'roster', unitId: w.unitB.id, file });
    // Against the database: every ID number is registered now (by the first import).
    expect(job).toMatchObject({ state: 'invalid', rowsRead: 3, rowsValid: 0, issueCount: 3 });
    const found = await issues(t, w.tokens.district, job.id);
    expect(found.map((i) => [i.row, i.column, i.message])).toEqual(
      [2, 3, 4].map((row) => [
        row,
        '公民身份号码',
        '该证件号码已登记，请勿重复登记（可按证件号码搜索已有记录） / This ID number is already registered (search by the ID number to find the record)',
      ]),
    );
  });
});

describe('a roster with mistakes: reported row by row, nothing written', () => {
  const fresh = [validIdNumber(), validIdNumber(), validIdNumber()];
  let jobId = '';
  let file: Buffer;

  it('duplicates in the file name each other; a wrong ID number and a bad category are reported', async () => {
    const wrong = badCheckDigit(fresh[2] as string);
    file = await xlsx(ROSTER_HEADER, [
      rosterRow(fresh[0] as string, '甲'),
      rosterRow(fresh[1] as string, '乙'),
      rosterRow(fresh[0] as string, '丙'),
      rosterRow(wrong, '丁'),
      ['戊', '居民身份证', fresh[2] as string, null, '工人', null, null, null],
    ]);
    const job = await dryRun(t, w.tokens.unitA, { kind: 'roster', file, name: 'bad.xlsx' });
    jobId = job.id;
    expect(job).toMatchObject({
      state: 'invalid',
      rowsRead: 5,
      rowsValid: 1,
      issueCount: 4,
      unit: { id: w.unitA.id },
      message:
        '4行数据有问题（共4处），请下载错误报告，修改后重新上传 / 4 row(s) have problems (4 in all): download the error report, fix the file and upload it again',
    });
    expect(await residents(fresh)).toBe(0);
    const found = await issues(t, w.tokens.unitA, job.id);
    expect(found.map((i) => [i.row, i.columnIndex, i.column])).toEqual([
      [2, 2, '公民身份号码'],
      [4, 2, '公民身份号码'],
      [5, 2, '公民身份号码'],
      [6, 4, '人员类别'],
    ]);
    expect(found[0]?.message).toBe(
      '证件号码与第4行重复：同一人在一个文件中只能出现一次 / The ID number repeats row 4: a person may appear only once in a file',
    );
    expect(found[1]?.message).toBe(
      '证件号码与第2行重复：同一人在一个文件中只能出现一次 / The ID number repeats row 2: a person may appear only once in a file',
    );
    expect(found[2]?.message).toContain('校验码');
    expect(found[3]?.message).toContain('人员类别');
  });

  it('the issues endpoint masks every ID number', async () => {
    const res = await t.http.get(`/api/imports/${jobId}/issues`).set(bearer(w.tokens.unitA));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(res.body.items[0].value).toBe(maskIdNumber(fresh[0] as string));
    expect(fullIdNumbersIn(res.body)).toEqual([]);
    const paged = await t.http
      .get(`/api/imports/${jobId}/issues?page=2&pageSize=3`)
      .set(bearer(w.tokens.unitA));
    expect(paged.body.items.map((i: { row: number }) => i.row)).toEqual([6]);
  });

  it('an invalid job cannot be committed, nor retried', async () => {
    const res = await t.http.post(`/api/imports/${jobId}/commit`).set(bearer(w.tokens.unitA));
    expect(res.status).toBe(409);
    expect(res.body.message).toBe(
      '文件校验未通过，不能导入；请下载错误报告，修改后重新上传 / The file did not pass validation: download the error report, fix it and upload it again',
    );
    const retry = await t.http.post(`/api/imports/${jobId}/retry`).set(bearer(w.tokens.unitA));
    expect(retry.status).toBe(409);
    expect(await residents(fresh)).toBe(0);
  });

  it('the same invalid file again is validated again (a new job): the verdict may change', async () => {
    const res = await upload(t, w.tokens.unitA, { kind: 'roster', file, name: 'bad-again.xlsx' });
    expect(res.status).toBe(202);
    expect(res.body.id).not.toBe(jobId);
    expect((await settle(t, w.tokens.unitA, res.body.id)).state).toBe('invalid');
  });
});

describe('roster commit against a database that changed after the dry run', () => {
  it('a person registered meanwhile: the commit names the row and column, and writes none of the file', async () => {
    const ids = [validIdNumber(), validIdNumber(), validIdNumber(), validIdNumber()];
    const file = await xlsx(ROSTER_HEADER, [
      rosterRow(ids[0] as string, '钱一'),
      rosterRow(ids[1] as string, '钱二'),
      rosterRow(ids[2] as string, '钱三'),
      rosterRow(ids[3] as string, '钱四'),
    ]);
    const res = await upload(t, w.tokens.district, {
      kind: 'roster',
      unitId: w.unitA.id,
      file,
      name: '钱家.xlsx',
    });
    expect((await settle(t, w.tokens.district, res.body.id)).state).toBe('valid');
    // Registered by someone else between the dry run and the commit: the 3rd and 4th people
    // (sheet rows 4 and 5); the commit reports the first.
    await t.sql(
      `INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category)
       SELECT '110105', 'resident', n, '别处登记', to_date(substr(n, 7, 8), 'YYYYMMDD'), 'student_child'
       FROM unnest($1::text[]) AS n`,
      [[ids[3], ids[2]]],
    );
    const failed = await commit(t, w.tokens.district, res.body.id);
    expect(failed).toMatchObject({ state: 'failed', rowsWritten: 0 });
    expect(failed.message).toBe(
      '第4行在校验后发生变化，未做任何导入：公民身份号码：该证件号码已登记，请勿重复登记（可按证件号码搜索已有记录） / ' +
        'Row 4 changed after validation; nothing was imported: 公民身份号码: This ID number is already registered (search by the ID number to find the record)',
    );
    expect(await residents(ids.slice(0, 2))).toBe(0);
    const audit = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'resident' AND action = 'import'
       AND after->>'importJobId' = $1`,
      [res.body.id],
    );
    expect(audit[0]?.n).toBe(0);
  });
});
