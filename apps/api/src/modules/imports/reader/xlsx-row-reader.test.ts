import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsxRows, toCellValue } from './xlsx-row-reader.js';

describe('toCellValue: exceljs values as CellValue', () => {
  it('keeps plain values and dates', () => {
    const date = new Date(Date.UTC(2010, 4, 1));
    expect([toCellValue('a'), toCellValue(3), toCellValue(true), toCellValue(date)]).toEqual([
      'a',
      3,
      true,
      date,
    ]);
    expect([toCellValue(null), toCellValue(undefined)]).toEqual([null, null]);
  });

  it('rich text → plain text; hyperlink → its text (rich or not)', () => {
    expect(toCellValue({ richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] })).toBe(
      '张三',
    );
    expect(toCellValue({ text: '见附件', hyperlink: 'https://example.org' })).toBe('见附件');
    expect(
      toCellValue({ text: { richText: [{ text: '附' }, { text: '件' }] }, hyperlink: 'x' }),
    ).toBe('附件');
  });

  it('formulas (master, shared, no result) and errors whatever their cached result', () => {
    expect(toCellValue({ formula: 'A1*2', result: 4 })).toEqual({ formula: 'A1*2' });
    expect(toCellValue({ sharedFormula: 'B2', result: 4 })).toEqual({ formula: 'B2' });
    expect(toCellValue({ formula: '', result: 'x' })).toEqual({ formula: '' });
    expect(toCellValue({ error: '#DIV/0!' })).toEqual({ error: '#DIV/0!' });
  });
});

describe('readXlsxRows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sscard-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the first sheet only, dense from column A, trailing blanks trimmed', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('花名册');
    first.getCell('B2').value = '姓名';
    first.getCell('C2').value = '身份证号';
    first.getCell('E2').value = null;
    wb.addWorksheet('其他').addRow(['不读', '这张']);
    const path = join(dir, 'two-sheets.xlsx');
    await wb.xlsx.writeFile(path);
    const info: { sheetName?: string } = {};
    const rows = [];
    for await (const batch of readXlsxRows(path, info)) rows.push(...batch);
    expect(rows).toEqual([{ rowNo: 2, cells: [null, '姓名', '身份证号'] }]);
    expect(info.sheetName).toBe('花名册');
  });

  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])('no Chinese character is broken at a chunk boundary (%s)', async (_, useSharedStrings) => {
    const path = join(dir, `chinese-${useSharedStrings}.xlsx`);
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
    const sheet = book.addWorksheet('花名册');
    const expected: string[] = [];
    for (let i = 0; i < 6000; i += 1) {
      const name = `学生${i}号城乡居民基本医疗保险`;
      expected.push(name);
      sheet.addRow([name, '学生儿童']).commit();
    }
    sheet.commit();
    await book.commit();
    const names: unknown[] = [];
    for await (const batch of readXlsxRows(path)) names.push(...batch.map((row) => row.cells[0]));
    expect(names.filter((n) => String(n).includes('\uFFFD'))).toEqual([]);
    expect(names).toEqual(expected);
  });
});
