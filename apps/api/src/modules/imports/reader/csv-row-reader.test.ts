import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvRows } from './csv-row-reader.js';
import { SheetRejected } from './sheet-limits.js';

const dir = mkdtempSync(join(tmpdir(), 'sscard-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function file(content: Buffer | string): string {
  n += 1;
  const path = join(dir, `${n}.csv`);
  writeFileSync(path, content);
  return path;
}

async function read(content: Buffer | string) {
  const out: { rowNo: number; cells: unknown[] }[] = [];
  for await (const batch of readCsvRows(file(content))) out.push(...batch);
  return out;
}

async function refusal(content: Buffer | string) {
  try {
    await read(content);
  } catch (error) {
    if (error instanceof SheetRejected) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SheetRejected');
}

/** GB18030 bytes of a few texts (from Python's codec), so the test needs no converter. */
const GB18030: Record<string, string> = {
  '张三,2\n': 'd5c5c8fd2c320a',
  '李四,2\n': 'c0eecbc42c320a',
  '姓名,人员类别\n张三,城镇老年人\n':
    'd0d5c3fb2cc8cbd4b1c0e0b1f00ad5c5c8fd2cb3c7d5f2c0cfc4eac8cb0a',
};
const gb18030 = (text: string) => Buffer.from(GB18030[text] ?? '', 'hex');

describe('readCsvRows (RFC 4180)', () => {
  it('splits on commas and CRLF, LF or a lone CR; empty cells are null', async () => {
    expect(await read('a,b,c\r\n1,,3\n4,5\r6,7,\r\n')).toEqual([
      { rowNo: 1, cells: ['a', 'b', 'c'] },
      { rowNo: 2, cells: ['1', null, '3'] },
      { rowNo: 3, cells: ['4', '5'] },
      { rowNo: 4, cells: ['6', '7'] },
    ]);
  });

  it('quoted fields keep commas, line breaks and doubled quotes; numbering counts records', async () => {
    expect(await read('名称,备注\r\n"朝阳区,3号楼","一行\r\n二行 ""引号"""\r\nx,"",\r\n')).toEqual([
      { rowNo: 1, cells: ['名称', '备注'] },
      { rowNo: 2, cells: ['朝阳区,3号楼', '一行\r\n二行 "引号"'] },
      { rowNo: 3, cells: ['x'] },
    ]);
  });

  it('blank records are skipped but keep their numbers; no newline at the end is fine', async () => {
    expect(await read('a,b\n\n,,\n  , \nc,d')).toEqual([
      { rowNo: 1, cells: ['a', 'b'] },
      { rowNo: 5, cells: ['c', 'd'] },
    ]);
  });

  it('a quote in the middle of an unquoted field is kept as a character', async () => {
    expect(await read('5"7,x\n')).toEqual([{ rowNo: 1, cells: ['5"7', 'x'] }]);
  });

  it('UTF-8 with a BOM: the BOM is not part of the first header', async () => {
    const rows = await read(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名,学号\n')]),
    );
    expect(rows).toEqual([{ rowNo: 1, cells: ['姓名', '学号'] }]);
  });

  it('GB18030 (what Excel in China saves as CSV) is detected from the first chunk', async () => {
    expect(await read(gb18030('姓名,人员类别\n张三,城镇老年人\n'))).toEqual([
      { rowNo: 1, cells: ['姓名', '人员类别'] },
      { rowNo: 2, cells: ['张三', '城镇老年人'] },
    ]);
  });

  it('an ASCII first chunk followed by GB18030 text switches safely', async () => {
    const ascii = `name,idNumber\n${'x,1\n'.repeat(20_000)}`;
    const rows = await read(Buffer.concat([Buffer.from(ascii), gb18030('张三,2\n')]));
    expect(rows.at(-1)).toEqual({ rowNo: 20_002, cells: ['张三', '2'] });
  });

  it('UTF-8 text followed by GB18030 bytes is refused, naming the row', async () => {
    const utf8 = `姓名,学号\n${'张三,1\n'.repeat(20_000)}`;
    expect(await refusal(Buffer.concat([Buffer.from(utf8), gb18030('李四,2\n')]))).toEqual({
      code: 'csv_encoding',
      message:
        'CSV 文件第20002行附近的文字编码无法识别（应为 UTF-8 或 GB18030/GBK，且不能混用）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后上传 / The text encoding near row 20002 of the CSV file is not recognised (it must be UTF-8 or GB18030/GBK throughout). In Excel, "Save As" "CSV UTF-8 (Comma delimited)" and upload that',
    });
  });

  it('a quote that never closes is refused, naming the row where it opened', async () => {
    expect(await refusal('a,b\n1,"open\n2,3\n')).toEqual({
      code: 'csv_malformed',
      message:
        'CSV 文件第2行的双引号没有闭合，之后的内容无法分列。请检查该行的双引号 / A double quote opened in row 2 of the CSV file is never closed, so the rest cannot be split into cells. Check the quotes in that row',
    });
  });

  it('a cell longer than Excel allows is refused before it fills memory', async () => {
    expect(await refusal(`a,b\n"${'x'.repeat(40_000)}`)).toEqual({
      code: 'csv_malformed',
      message:
        'CSV 文件第2行有单元格超过 32767 个字符（Excel 单元格的上限），可能是双引号不配对。请检查该行 / A cell in row 2 of the CSV file is longer than 32767 characters (the Excel cell limit), probably because of unmatched quotes. Check that row',
    });
  });
});
