import { PassThrough } from 'node:stream';
import { mod112CheckDigit, studentRegistrationSchema, summaryTableTitle } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CollegeSummaryRow,
  collegeSummaryFileName,
  writeCollegeSummary,
} from '../../src/modules/exports/college-summary.workbook.js';
import { ExportAborted } from '../../src/modules/exports/xlsx-stream.js';
import {
  attachment,
  convertToPdf,
  downloadXlsx,
  expectA4,
  expectPrintLayout,
  loadWorkbook,
  PDF_SKIP,
  rowValues,
  sheet,
} from '../export-helpers.js';
import { seedBasics } from '../fixtures.js';
import { residentIdNumber } from '../id-numbers.js';
import { type InfoCollege, okFixture, seedInfoCollege } from '../import-fixture-world.js';
import { commit, dryRun } from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * S-1.4: the college's summary table 【XX学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表:
 * writeCollegeSummary on rows given here, and its endpoint GET /api/colleges/:id/summary.xlsx
 * (colleges.controller.ts) on students imported from ok/students.xlsx. Unlike every other export
 * it carries the full ID numbers, and each download is audited.
 */
const permit = (body: string) => body + mod112CheckDigit(body);

const ROWS: CollegeSummaryRow[] = [
  {
    name: '张小明',
    idKind: 'resident',
    idNumber: residentIdNumber('2006-09-01', 1),
    gender: 'male',
    birthDate: '2006-09-01',
    nationalityOrRegion: '中国',
    phone: '13800001111',
    college: '信息学院',
    className: '计科2501',
    studentNumber: '2025010001',
    studyStatus: 'enrolled',
    fullTimeStudent: true,
    otherCover: 'none',
    declaresNoOtherCover: true,
  },
  {
    name: '陈美玲',
    idKind: 'hk_mo_tw_permit',
    idNumber: permit('81000020070315002'),
    gender: 'female',
    birthDate: '2007-03-15',
    nationalityOrRegion: '中国香港',
    phone: '13800002222',
    college: '信息学院',
    className: '计科2502',
    studentNumber: '2025010002',
    studyStatus: 'deferred',
    fullTimeStudent: true,
    otherCover: 'none',
    declaresNoOtherCover: true,
  },
].map((r, i) => ({ ...studentRegistrationSchema.parse(r), seq: i === 0 ? 1 : 3 }));

async function written(rows: Iterable<CollegeSummaryRow> | AsyncIterable<CollegeSummaryRow>) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const count = await writeCollegeSummary(output, {
    collegeName: '信息学院',
    rows,
    today: '2025-09-20',
  });
  return { count, body: Buffer.concat(chunks) };
}

describe('S-1.4 writeCollegeSummary — attachment 3 of the 2025 guide', () => {
  it('S-1.4 the title from the rules, the columns of attachment 1, each student under their own 序号, full ID numbers', async () => {
    const { count, body } = await written(ROWS);
    expect(count).toBe(2);
    const title = summaryTableTitle('信息学院', 2025);
    expect(title).toBe('【信息学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表');
    expect(collegeSummaryFileName(' 信息学院 ')).toBe(`${title}.xlsx`);
    const wb = await loadWorkbook(body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总表']);
    const ws = sheet(wb, '汇总表');
    expectPrintLayout(ws, { orientation: 'landscape', headerRow: 4, columns: 15, title });
    expect([2, 3].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '附件3：由院（系）填写，与附件1、附件2一并提交（S-1.4，S-1.5）。',
      '制表日期：2025-09-20',
    ]);
    expect(rowValues(ws, 4, 15)).toEqual([
      '序号',
      '姓名',
      '性别',
      '出生日期',
      '国籍（地区）',
      '证件类型',
      '证件号码',
      '联系电话',
      '院（系）',
      '班级',
      '学号',
      '在读状态',
      '全日制在校学生',
      '其他基本医疗保障',
      '本人声明无其他医疗保障',
    ]);
    expect(rowValues(ws, 5, 15)).toEqual([
      1,
      '张小明',
      '男',
      '2006-09-01',
      '中国',
      '居民身份证',
      ROWS[0]?.idNumber,
      '13800001111',
      '信息学院',
      '计科2501',
      '2025010001',
      '在读',
      '是',
      '无',
      '是',
    ]);
    // 序号 2 was left out (e.g. ineligible): the table keeps each student's own number (S-1.2).
    expect(rowValues(ws, 6, 15)).toEqual([
      3,
      '陈美玲',
      '女',
      '2007-03-15',
      '中国香港',
      '港澳台居民居住证',
      ROWS[1]?.idNumber,
      '13800002222',
      '信息学院',
      '计科2502',
      '2025010002',
      '延期',
      '是',
      '无',
      '是',
    ]);
    // The agency enrols from this table, so it carries the whole number, as text.
    expect(ws.getCell('G5').value).toMatch(/^110105\d{11}[\dX]$/);
    expect(ws.getCell('G5').numFmt).toBe('@');
    // Student numbers and phones are text, so Excel keeps their leading digits as typed.
    expect(ws.getCell('K5').numFmt).toBe('@');
    expect(ws.getCell('A7').value).toBe('合计：2人');
  });

  it('S-1.4 streams an async source of thousands of rows (the chunking keeps every line)', async () => {
    const first: CollegeSummaryRow | undefined = ROWS[0];
    if (!first) throw new Error('no row');
    const base: CollegeSummaryRow = first;
    async function* many(): AsyncGenerator<CollegeSummaryRow> {
      for (let i = 0; i < 12_001; i += 1) {
        yield { ...base, seq: i + 1, studentNumber: `S${String(i).padStart(8, '0')}` };
      }
    }
    const { count, body } = await written(many());
    expect(count).toBe(12_001);
    const ws = sheet(await loadWorkbook(body), '汇总表');
    expect(rowValues(ws, 5 + 12_000, 15).slice(0, 2)).toEqual([12_001, '张小明']);
    expect(ws.getCell(`K${5 + 12_000}`).value).toBe('S00012000');
    expect(ws.getCell(`A${6 + 12_000}`).value).toBe('合计：12001人');
  });

  it('stops writing when the download goes away (the output is closed mid-way)', async () => {
    const first = ROWS[0];
    if (!first) throw new Error('no row');
    const base: CollegeSummaryRow = first;
    function* many(): Generator<CollegeSummaryRow> {
      for (let i = 0; i < 50_000; i += 1) yield base;
    }
    const output = new PassThrough();
    output.once('data', () => output.destroy());
    await expect(
      writeCollegeSummary(output, { collegeName: '信息学院', rows: many() }),
    ).rejects.toBeInstanceOf(ExportAborted);
  });

  it('an empty college still prints the table with its note; a blank college name is refused', async () => {
    const ws = sheet(await loadWorkbook((await written([])).body), '汇总表');
    expect(ws.getCell('A5').value).toBe('（无记录）');
    expect(ws.getCell('A6').value).toBe('合计：0人');
    await expect(
      writeCollegeSummary(new PassThrough(), { collegeName: '  ', rows: [] }),
    ).rejects.toThrow('学院名称不能为空');
  });

  it.skipIf(PDF_SKIP)(
    'S-1.4 converts to an A4 PDF with LibreOffice',
    async () => {
      const result = await convertToPdf([
        { name: 'college-summary', body: (await written(ROWS)).body },
      ]);
      expectA4(result.get('college-summary'));
    },
    120_000,
  );
});

describe('S-1.4 GET /api/colleges/:id/summary.xlsx', () => {
  let t: TestApp;
  let college: InfoCollege;

  beforeAll(async () => {
    t = await createTestApp({ SSCARD_TODAY: '2025-09-20' });
    await seedBasics(t);
    college = await seedInfoCollege(t);
    const job = await dryRun(t, college.token, {
      kind: 'students',
      file: okFixture('students.xlsx'),
    });
    await commit(t, college.token, job.id);
  });
  afterAll(() => t?.close());

  it('S-1.4 the imported students of 信息学院 cell by cell, full ID numbers as text, the download audited', async () => {
    const res = await downloadXlsx(
      t,
      `/api/colleges/${college.collegeId}/summary.xlsx`,
      college.token,
    );
    const title = summaryTableTitle('信息学院', 2025);
    expect(res.headers['content-disposition']).toBe(
      attachment('college-summary-2025.xlsx', `${title}.xlsx`),
    );
    const wb = await loadWorkbook(res.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总表']);
    const ws = sheet(wb, '汇总表');
    expectPrintLayout(ws, { orientation: 'landscape', headerRow: 4, columns: 15, title });
    expect([2, 3].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      '附件3：由院（系）填写，与附件1、附件2一并提交（S-1.4，S-1.5）。',
      '制表日期：2025-09-20',
    ]);
    const id = (first17: string) => first17 + mod112CheckDigit(first17);
    const students = [
      [
        1,
        '王小明',
        '男',
        '2006-03-15',
        '中国',
        '居民身份证',
        id('11010820060315011'),
        '13800138000',
        '信息学院',
        '计科2501',
        '20250001',
        '在读',
        '是',
        '无',
        '是',
      ],
      [
        2,
        '陈美玲',
        '女',
        '2005-07-08',
        '中国香港',
        '港澳台居民居住证',
        id('81000020050708022'),
        '13800138001',
        '信息学院',
        '计科2502',
        '20250002',
        '在读',
        '是',
        '无',
        '是',
      ],
      [
        3,
        '李华',
        '男',
        '2004-12-01',
        '中国',
        '居民身份证',
        id('11010520041201035'),
        '13800138002',
        '信息学院',
        '计科2201',
        '20250003',
        '延期',
        '是',
        '无',
        '是',
      ],
    ];
    students.forEach((line, i) => {
      expect(rowValues(ws, 5 + i, 15)).toEqual(line);
      expect(ws.getCell(`G${5 + i}`).numFmt).toBe('@');
    });
    expect(ws.getCell('A8').value).toBe('合计：3人');
    expect(ws.rowCount).toBe(8);
    const audit = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
       WHERE action = 'college_summary_download' AND entity_id = $1`,
      [college.collegeId],
    );
    expect(audit[0]?.n).toBe(1);
  });
});
