import { describe, expect, it } from 'vitest';
import { SheetXmlScan } from './sheet-xml-scan.js';

const cell = (ref: string, value?: string) =>
  value === undefined
    ? `<c r="${ref}" s="1"/>`
    : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

/** A sheet with a merged title, a 填报单位 line, then the header on row 4 and data. */
const SHEET = [
  '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>',
  `<row r="1">${cell('A1', '2025年花名册')}${cell('B1')}</row>`,
  `<row r="2">${cell('A2', '填报单位：某社区')}</row>`,
  '<row r="3" s="2" customFormat="1"/>',
  `<row r="4">${cell('A4', '姓名')}${cell('B4', '身份证号')}</row>`,
  `<row r="5">${cell('A5', '张三')}<c r="B5" t="s"><v>0</v></c></row>`,
  '</sheetData><mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="A2:D2"/>',
  '<mergeCell ref="B5:B6"/></mergeCells></worksheet>',
].join('');

function scan(xml: string, chunkSize: number): SheetXmlScan {
  const s = new SheetXmlScan();
  const bytes = Buffer.from(xml, 'utf8');
  for (let i = 0; i < bytes.length; i += chunkSize) s.push(bytes.subarray(i, i + chunkSize));
  s.end();
  return s;
}

describe('SheetXmlScan', () => {
  it('finds the header below title rows and the merges at or below it, at any chunk size', () => {
    for (const size of [1, 2, 3, 7, 16, 61, 4096]) {
      const s = scan(SHEET, size);
      expect([size, s.firstFilledRow, s.headerRow, s.mergesInTable()]).toEqual([
        size,
        1,
        4,
        ['B5:B6'],
      ]);
    }
  });

  it('reads namespaced tags and rows without an r attribute', () => {
    const xml =
      '<x:worksheet><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row><x:row><x:c><x:v>1</x:v></x:c><x:c><x:f>A1</x:f></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A2:B2"/></x:mergeCells></x:worksheet>';
    const s = scan(xml, 5);
    expect([s.headerRow, s.mergesInTable()]).toEqual([2, ['A2:B2']]);
  });

  it('with no row of two cells, the first filled row is the header', () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `<row r="${i + 3}">${cell(`A${i + 3}`, 'x')}</row>`,
    );
    const s = scan(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`, 10);
    expect([s.firstFilledRow, s.headerRow]).toEqual([3, 3]);
  });

  it('a sheet of formatted blank cells has no filled row', () => {
    const s = scan(
      `<worksheet><sheetData><row r="1">${cell('A1')}</row><row r="2"/></sheetData></worksheet>`,
      8,
    );
    expect([s.firstFilledRow, s.headerRow, s.mergesInTable()]).toEqual([undefined, undefined, []]);
  });
});
