import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachment,
  convertToPdf,
  download,
  downloadXlsx,
  expectA4,
  loadWorkbook,
  PDF_SKIP,
  rowValues,
  sheet,
} from '../export-helpers.js';
import { seedBasics, type BasicWorld } from '../fixtures.js';
import {
  type CreatedStudent,
  createStudent,
  seedUniversity,
  type UniversityWorld,
} from '../student-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * S-1.2: attachment 1, the registration form 【序号+姓名】个人参加城乡居民基本医疗保险信息登记表,
 * generated from the stored data as a one-page A4 workbook for the student to check and sign.
 */
let t: TestApp;
let w: BasicWorld;
let u: UniversityWorld;
let s: CreatedStudent;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2025-09-20' });
  w = await seedBasics(t);
  u = await seedUniversity(t);
  s = await createStudent(t, u.tokens.collegeA, u.collegeA, {
    name: '赵一鸣',
    phone: '13900002001',
    className: '计科2502',
    studentNumber: '20252001',
    nationalityOrRegion: '中国',
    studyStatus: 'deferred',
  });
});
afterAll(() => t?.close());

const url = (id: string) => `/api/students/${id}/registration-form.xlsx`;

describe('S-1.2 the generated registration form (attachment 1)', () => {
  it('S-1.2 is filled cell by cell from the stored data, with the S-1.1 declaration and blank signature and date', async () => {
    const res = await downloadXlsx(t, url(s.id), u.tokens.collegeA);
    const fileName = `【${s.seq}赵一鸣】个人参加城乡居民基本医疗保险信息登记表`;
    expect(res.headers['content-disposition']).toBe(
      attachment(`registration-form-${s.seq}.xlsx`, `${fileName}.xlsx`),
    );
    const wb = await loadWorkbook(res.body);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['登记表']);
    const ws = sheet(wb, '登记表');
    const rows = Array.from({ length: 16 }, (_, i) => rowValues(ws, i + 1, 4));
    const title = '个人参加城乡居民基本医疗保险信息登记表';
    const declaration =
      '本人承诺：本人为本校全日制在校学生，未享受公费医疗、职工基本医疗保险或其他社会保险等基本医疗保障；以上信息真实、准确，如有不实，本人承担相应责任。';
    const note = `请本人核对以上信息并签名，扫描或拍照后以《${fileName}》为文件名上传（S-1.2）；信息有误将无法办理。`;
    const info = `附件1　　序号：${s.seq}　　院（系）：计算机学院　　参保年度：2025年`;
    // Merged cells read back as the same value in every cell of the merge.
    const across = (v: string) => [v, v, v, v];
    expect(rows).toEqual([
      across(title),
      across(info),
      across('参保人基本信息'),
      ['姓名', '赵一鸣', '性别', '男'],
      ['证件类型', '居民身份证', '证件号码', s.idNumber],
      ['出生日期', '2006-05-01', '国籍（地区）', '中国'],
      ['联系电话', '13900002001', '院（系）', '计算机学院'],
      ['班级', '计科2502', '学号', '20252001'],
      ['在读状态', '延期', '全日制在校学生', '是'],
      ['其他基本医疗保障', '无', '无', '无'],
      across('本人声明（S-1.1）'),
      across(declaration),
      ['无其他基本医疗保障', '☑ 是　　☐ 否', '☑ 是　　☐ 否', '☑ 是　　☐ 否'],
      ['本人签名', null, '日期', '＿＿＿＿年＿＿月＿＿日'],
      across(note),
      [null, null, null, null],
    ]);
    // The full number, as text, so Excel keeps all 18 characters (the form goes to the insurer).
    expect(ws.getCell('D5').numFmt).toBe('@');
    expect(ws.getCell('D5').value).toMatch(/^\d{17}[\dX]$/);
    expect(ws.getCell('B7').numFmt).toBe('@');
    expect(ws.getCell('B14').border?.bottom?.style).toBe('thin');
    expect(ws.getRow(14).height).toBeGreaterThanOrEqual(40);
    expect(ws.model.merges).toEqual(
      expect.arrayContaining(['A1:D1', 'A2:D2', 'B10:D10', 'A12:D12', 'B13:D13', 'A15:D15']),
    );
    // One A4 page, portrait, fitted; the page footer like every export.
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      printArea: 'A1:D15',
    });
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 / 共 &N 页');
    expect(ws.getCell('A1').font?.name).toBe('宋体');
    expect(ws.getCell('A1').font?.bold).toBe(true);
  });

  it('S-1.2 the university’s staff get it too; every download is audited, naming the full number', async () => {
    await downloadXlsx(t, url(s.id), u.tokens.university);
    const audit = await t.sql<{ action: string; after: { fullIdNumber: boolean } }>(
      `SELECT action, after FROM audit_log WHERE entity = 'student' AND entity_id = $1 AND action = 'registration_form_download' ORDER BY id`,
      [s.id],
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]?.after).toEqual({ fullIdNumber: true });
    // The audit log itself never holds the number.
    const log = await t.sql<{ text: string }>('SELECT audit_log::text AS text FROM audit_log');
    for (const row of log) {
      expect(row.text).not.toContain(s.idNumber);
    }
  });

  it('never to another college (404), district or unit staff or the admin (403), or without a session (401)', async () => {
    expect((await download(t, url(s.id), u.tokens.collegeB)).status).toBe(404);
    expect((await download(t, url(s.id), w.tokens.district)).status).toBe(403);
    expect((await download(t, url(s.id), w.tokens.admin)).status).toBe(403);
    expect((await download(t, url(s.id), w.tokens.unitA)).status).toBe(403);
    expect((await t.http.get(url(s.id))).status).toBe(401);
  });

  it('S-1.1 an ineligible student gets no form: refused with the reason', async () => {
    const ineligible = await createStudent(t, u.tokens.collegeA, u.collegeA, {
      otherCover: 'public_medical',
      declaresNoOtherCover: false,
    });
    const res = await download(t, url(ineligible.id), u.tokens.collegeA);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ clause: 'S-1.1' });
    expect(JSON.stringify(res.json)).toContain('公费医疗');
  });

  it.skipIf(PDF_SKIP)(
    'S-1.2 converts to one A4 page with LibreOffice',
    async () => {
      const res = await downloadXlsx(t, url(s.id), u.tokens.collegeA);
      const info = (await convertToPdf([{ name: 'registration-form', body: res.body }])).get(
        'registration-form',
      );
      expectA4(info);
      expect(info?.pages).toBe(1);
    },
    120_000,
  );
});
