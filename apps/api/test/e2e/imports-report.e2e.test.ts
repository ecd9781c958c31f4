import { IMPORT_SHEETS } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validIdNumber } from '../card-fixtures.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { binary, dryRun, readXlsx, ROSTER_HEADER, rosterRow, xlsx } from '../import-helpers.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-01-10' });
  w = await seedBasics(t);
});
afterAll(() => t?.close());

const RED = 'FFFFC7CE';

describe('GET /api/imports/:id/error-report.xlsx', () => {
  it('the original rows at their row numbers, bad cells red with a note, and a Problems column', async () => {
    const [a, b] = [validIdNumber(), validIdNumber()];
    const file = await xlsx(ROSTER_HEADER, [
      rosterRow(a, '甲'),
      ['乙', '居民身份证', b, '1999-01-01', '学生儿童', '没有这种补助', null, '一班'],
      rosterRow(a, '丙'),
    ]);
    const job = await dryRun(t, w.tokens.unitA, { kind: 'roster', file, name: '一班.xlsx' });
    expect(job).toMatchObject({ state: 'invalid', rowsRead: 3 });

    const res = await t.http
      .get(`/api/imports/${job.id}/error-report.xlsx`)
      .set(bearer(w.tokens.unitA))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('一班-错误报告.xlsx')}`,
    );
    const ws = await readXlsx(res.body as Buffer);
    // The header kept, the problems column added after it.
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      ...ROSTER_HEADER,
      '错误说明 / Problems',
    ]);
    const problems = ROSTER_HEADER.length + 1;
    // Row 2 (甲) and row 4 (丙) share an ID number; the full number stays: it is the user's
    // own file and they must correct it there.
    for (const [rowNo, other] of [
      [2, 4],
      [4, 2],
    ] as const) {
      const idCell = ws.getRow(rowNo).getCell(3);
      expect(idCell.value).toBe(a);
      expect(idCell.fill).toMatchObject({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: RED },
      });
      expect(String(idCell.note)).toContain(`证件号码与第${other}行重复`);
      expect(String(ws.getRow(rowNo).getCell(problems).value)).toBe(
        `公民身份号码：证件号码与第${other}行重复：同一人在一个文件中只能出现一次 / The ID number repeats row ${other}: a person may appear only once in a file`,
      );
      // The cells without a problem are not marked.
      expect(ws.getRow(rowNo).getCell(1).fill).toBeUndefined();
    }
    // Row 3 (乙): the birth date does not match the ID number, the subsidy flag is unknown.
    const row3 = ws.getRow(3);
    expect(row3.getCell(1).value).toBe('乙');
    expect(row3.getCell(3).value).toBe(b);
    expect(row3.getCell(4).fill).toMatchObject({ fgColor: { argb: RED } });
    expect(row3.getCell(6).fill).toMatchObject({ fgColor: { argb: RED } });
    expect(String(row3.getCell(6).note)).toContain('没有这种补助');
    const text = String(row3.getCell(problems).value).split('\n');
    expect(text).toHaveLength(2);
    expect(text[0]).toMatch(/^出生日期：出生日期与证件号码不符/);
    expect(text[1]).toMatch(/^补助标识：/);
  });

  it('a file refused as a whole has no row report (409 with the reason)', async () => {
    const file = await xlsx(['姓名', '电话'], [['甲', '123']]);
    const job = await dryRun(t, w.tokens.unitA, { kind: 'roster', file });
    expect(job.state).toBe('invalid');
    expect(job.rowsRead).toBe(0);
    expect(job.message).toContain('电话');
    const res = await t.http
      .get(`/api/imports/${job.id}/error-report.xlsx`)
      .set(bearer(w.tokens.unitA));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('整个文件被拒绝，没有逐行的错误报告');
  });

  it('the download is audited (it holds full ID numbers)', async () => {
    const rows = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'import_job' AND action = 'download_error_report'`,
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe('GET /api/imports/templates/:kind', () => {
  it('a blank template per kind: the Chinese headers, each with a note of what it accepts', async () => {
    for (const kind of ['roster', 'vendor_cards', 'signatures'] as const) {
      const res = await t.http
        .get(`/api/imports/templates/${kind}`)
        .set(bearer(w.tokens.district))
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      const ws = await readXlsx(res.body as Buffer);
      const spec = IMPORT_SHEETS[kind];
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(spec.columns.map((c) => c.zh));
      expect(ws.rowCount).toBe(1);
      spec.columns.forEach((c, i) => {
        const note = String(ws.getRow(1).getCell(i + 1).note);
        expect(note).toContain(`${c.zh} / ${c.en}`);
        expect(note).toContain(c.required ? '必填列' : '选填列');
      });
    }
    const roster = await t.http
      .get('/api/imports/templates/roster')
      .set(bearer(w.tokens.unitA))
      .buffer(true)
      .parse(binary);
    const ws = await readXlsx(roster.body as Buffer);
    const category = String(ws.getRow(1).getCell(5).note);
    expect(category).toContain('可填：城镇老年人、学生儿童、城镇无业居民、残疾的无业居民');
    expect(String(ws.getRow(1).getCell(3).note)).toContain('文本');
  });

  it('an unknown kind is 404', async () => {
    const res = await t.http.get('/api/imports/templates/nothing').set(bearer(w.tokens.unitA));
    expect(res.status).toBe(404);
  });
});
