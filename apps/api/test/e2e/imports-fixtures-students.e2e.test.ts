import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullIdNumbersIn } from '../distribution-fixtures.js';
import { bearer, seedBasics } from '../fixtures.js';
import {
  type InfoCollege,
  notOkFixture,
  okFixture,
  seedInfoCollege,
} from '../import-fixture-world.js';
import { binary, commit, dryRun, issues, readXlsx } from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * The student sheets of test/fixtures/import/not-ok (S-1.2) through the import jobs API, as the
 * staff of 信息学院 upload them: the dry run's issues with the exact messages, the error report
 * re-read cell by cell, and nothing written — neither from a file with bad rows nor over a
 * student the database already has.
 */
let t: TestApp;
let college: InfoCollege;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2025-09-20' });
  await seedBasics(t);
  college = await seedInfoCollege(t);
});
afterAll(() => t?.close());

const students = () =>
  t.sql<{ name: string; phone: string }>('SELECT name, phone FROM student ORDER BY seq');

const HEADER = [
  '序号',
  '姓名',
  '证件类型',
  '证件号码',
  '性别',
  '出生日期',
  '国籍（地区）',
  '联系电话',
  '院（系）',
  '班级',
  '学号',
  '在读状态',
  '是否全日制',
  '其他基本医疗保障',
  '承诺无其他医疗保障',
];
const PROBLEMS = HEADER.length + 1;
const RED = 'FFFFC7CE';

const REPEATS_7 =
  '证件号码与第7行重复：同一人在一个文件中只能出现一次 / The ID number repeats row 7: a person may appear only once in a file';
const REPEATS_3 =
  '证件号码与第3行重复：同一人在一个文件中只能出现一次 / The ID number repeats row 3: a person may appear only once in a file';
const COLLEGE =
  '院（系）应为：信息学院（实际为“法学院”） / The college must be one of: 信息学院 (got "法学院")';
const DECLARATION = '声明无其他医疗保障，但填写了其他保障 / Declared no other cover but named one';
const CHECK_DIGIT = '校验码错误（应为 6） / Check digit mismatch (expected 6)';

/** The sheet as the college typed it (rows 3–7; the merged title in row 1, the header in row 2). */
const ROWS: (string | number)[][] = [
  [
    1,
    '周一',
    '居民身份证',
    '110108200605040514',
    '男',
    '2006-05-04',
    '中国',
    '13910000510',
    '信息学院',
    '计科2503',
    '202594051',
    '在读',
    '是',
    '无',
    '是',
  ],
  [
    2,
    '吴二',
    '居民身份证',
    '110108200606070619',
    '男',
    '2006-06-07',
    '中国',
    '13910000610',
    '法学院',
    '计科2503',
    '202597061',
    '在读',
    '是',
    '无',
    '是',
  ],
  [
    3,
    '郑三',
    '居民身份证',
    '110105200508090713',
    '男',
    '2005-08-09',
    '中国',
    '13910000710',
    '信息学院',
    '计科2503',
    '202599071',
    '在读',
    '是',
    '职工医保',
    '是',
  ],
  [
    4,
    '冯四',
    '居民身份证',
    '110105200601020810',
    '男',
    '2006-01-02',
    '中国',
    '13910000810',
    '信息学院',
    '计科2503',
    '202592081',
    '在读',
    '是',
    '无',
    '是',
  ],
  [
    5,
    '陈五',
    '居民身份证',
    '110108200605040514',
    '男',
    '2006-05-04',
    '中国',
    '13910000510',
    '信息学院',
    '计科2503',
    '202594051',
    '在读',
    '是',
    '无',
    '是',
  ],
];

/** Per sheet row: the column (1-based) of each problem and its message, in the API's order. */
const PROBLEMS_BY_ROW: Record<number, [column: number, message: string][]> = {
  3: [[4, REPEATS_7]],
  4: [[9, COLLEGE]],
  5: [[15, DECLARATION]],
  6: [[4, CHECK_DIGIT]],
  7: [[4, REPEATS_3]],
};

describe('not-ok/students-bad-rows.xlsx (WPS-shaped): one mistake per row after a good one', () => {
  let jobId = '';

  it('S-1.1 / S-1.2 the dry run lists every problem on its cell, ID numbers masked; nothing written', async () => {
    const job = await dryRun(t, college.token, {
      kind: 'students',
      file: notOkFixture('students-bad-rows.xlsx'),
      name: 'students-bad-rows.xlsx',
    });
    jobId = job.id;
    expect(job).toMatchObject({
      state: 'invalid',
      rowsRead: 5,
      rowsValid: 0,
      issueCount: 5,
      message:
        '5行数据有问题（共5处），请下载错误报告，修改后重新上传 / 5 row(s) have problems (5 in all): download the error report, fix the file and upload it again',
    });
    const found = await issues(t, college.token, job.id);
    expect(found.map((i) => [i.row, i.column, i.value, i.message])).toEqual([
      [3, '证件号码', '110108********0514', REPEATS_7],
      [4, '院（系）', '法学院', COLLEGE],
      [5, '承诺无其他医疗保障', '是', DECLARATION],
      [6, '证件号码', '110105********0810', CHECK_DIGIT],
      [7, '证件号码', '110108********0514', REPEATS_3],
    ]);
    expect(fullIdNumbersIn(found)).toEqual([]);
    expect(await students()).toEqual([]);
  });

  it('the error report gives the rows back at their row numbers, every bad cell red with its note', async () => {
    const res = await t.http
      .get(`/api/imports/${jobId}/error-report.xlsx`)
      .set(bearer(college.token))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const ws = await readXlsx(res.body as Buffer);
    const values = (row: ExcelJS.Row) =>
      Array.from({ length: PROBLEMS }, (_, i) => row.getCell(i + 1).value ?? null);
    // The merged title above the header is not data: row 1 stays empty.
    expect(values(ws.getRow(1))).toEqual(Array(PROBLEMS).fill(null));
    expect(values(ws.getRow(2))).toEqual([...HEADER, '错误说明 / Problems']);
    ROWS.forEach((cells, i) => {
      const rowNo = i + 3;
      const row = ws.getRow(rowNo);
      const problems = PROBLEMS_BY_ROW[rowNo] ?? [];
      // The full ID numbers stay: it is the college's own file, to be corrected there.
      expect(values(row)).toEqual([
        ...cells,
        problems.map(([c, m]) => `${HEADER[c - 1]}：${m}`).join('\n'),
      ]);
      for (let c = 1; c <= HEADER.length; c += 1) {
        const mine = problems.filter(([col]) => col === c).map(([, m]) => m);
        const cell = row.getCell(c);
        if (mine.length === 0) {
          expect(cell.fill, `${cell.address} not marked`).toBeUndefined();
          expect(cell.note, `${cell.address} no note`).toBeUndefined();
        } else {
          expect(cell.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: RED } });
          expect(String(cell.note)).toBe(mine.join('\n'));
        }
      }
    });
    expect(ws.rowCount).toBe(7);
    const audit = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
       WHERE entity = 'import_job' AND entity_id = $1 AND action = 'download_error_report'`,
      [jobId],
    );
    expect(audit[0]?.n).toBe(1);
  });
});

describe('not-ok/students-already-registered.xlsx (LibreOffice): a student the database has', () => {
  it('S-1.2 王小明 again (with a new phone) is reported, not merged; the new student is not written either', async () => {
    const first = await dryRun(t, college.token, {
      kind: 'students',
      file: okFixture('students.xlsx'),
    });
    await commit(t, college.token, first.id);
    const before = await students();
    expect(before.map((s) => s.name)).toEqual(['王小明', '陈美玲', '李华']);

    const job = await dryRun(t, college.token, {
      kind: 'students',
      file: notOkFixture('students-already-registered.xlsx'),
    });
    expect(job).toMatchObject({
      state: 'invalid',
      rowsRead: 2,
      rowsValid: 1,
      issueCount: 1,
      message:
        '1行数据有问题（共1处），请下载错误报告，修改后重新上传 / 1 row(s) have problems (1 in all): download the error report, fix the file and upload it again',
    });
    const found = await issues(t, college.token, job.id);
    expect(found.map((i) => [i.row, i.column, i.value, i.message])).toEqual([
      [
        2,
        '证件号码',
        '110108********0111',
        '该证件号码本年度已登记，请勿重复登记 / This ID number is already registered for the year',
      ],
    ]);
    const commitNow = await t.http.post(`/api/imports/${job.id}/commit`).set(bearer(college.token));
    expect(commitNow.status).toBe(409);
    // 王小明 keeps his phone number; 何四 was not added.
    expect(await students()).toEqual(before);
    expect(before[0]?.phone).toBe('13800138000');
  });
});
