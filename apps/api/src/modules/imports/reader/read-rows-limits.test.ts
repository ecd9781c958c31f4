import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRows } from './read-rows.js';
import { DEFAULT_SHEET_LIMITS, SheetRejected, type SheetLimits } from './sheet-limits.js';

/** Title rows, the header search window and the row caps, on small CSV files. */
const dir = mkdtempSync(join(tmpdir(), 'sscard-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(csv: string, o: Partial<SheetLimits> = {}) {
  n += 1;
  const path = join(dir, `${n}.csv`);
  writeFileSync(path, csv);
  const out: number[] = [];
  try {
    for await (const rows of readRows(path, 'csv', { ...DEFAULT_SHEET_LIMITS, ...o })) {
      out.push(...rows.map((row) => row.rowNo));
    }
  } catch (error) {
    if (error instanceof SheetRejected)
      return { rows: out, code: error.code, message: error.message };
    throw error;
  }
  return { rows: out };
}

describe('readRows: title rows and the header', () => {
  it('rows with one filled cell above the header are titles and are not yielded', async () => {
    const csv = '2025年花名册,,\n填报单位：某社区,,\n\n姓名,身份证号,人员类别\n张三,1,老年人\n';
    expect(await read(csv)).toEqual({ rows: [4, 5] });
  });

  it('when none of the first 10 non-blank rows has two cells, the first row is the header', async () => {
    const csv = `${Array.from({ length: 11 }, (_, i) => `only${i}`).join('\n')}\n姓名,身份证号\n`;
    expect((await read(csv)).rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('a file of a few single-cell rows: the first is the header, the rest data', async () => {
    expect(await read('标题\n张三\n')).toEqual({ rows: [1, 2] });
  });

  it('only a header is refused', async () => {
    expect(await read('标题\n\n姓名,身份证号\n,,\n')).toEqual({
      rows: [3],
      code: 'no_data_rows',
      message:
        '只有表头（第3行），没有数据行；请在表头下方填写数据后重新上传 / There is only the header (row 3) and no data rows; fill in the data below the header and upload again',
    });
  });

  it('nothing at all is refused', async () => {
    expect(await read('\n,,\n \n')).toEqual({
      rows: [],
      code: 'empty_sheet',
      message:
        '文件中没有任何数据，请检查文件内容后重新上传 / The file holds no data; check its content and upload again',
    });
  });
});

describe('readRows: caps', () => {
  it('exactly maxRows data rows pass, blank rows among them not counted', async () => {
    expect(await read('a,b\n1,1\n\n2,2\n', { maxRows: 3 })).toEqual({ rows: [1, 2, 4] });
  });

  it('a data row further than maxRows rows below the header stops the read there', async () => {
    expect(await read(`a,b\n1,1\n${'\n'.repeat(10)}2,2\n`, { maxRows: 5 })).toEqual({
      rows: [1, 2],
      code: 'too_many_rows',
      message:
        '第13行有内容，超出了可导入的范围（表头下方最多到第6行）。请删除表格下方多余的内容，或拆分成多个文件后上传 / Row 13 has content beyond the importable range (up to row 6 below the header). Delete the extra content below the table, or split it into several files',
    });
  });

  it('stops at the first row over maxRows inside a batch, after yielding the rows before it', async () => {
    // 12,000 data rows span several 64 KiB chunks, so the cap falls inside a later batch.
    const lines = Array.from({ length: 12_000 }, (_, i) => `${i},城乡居民基本医疗保险${i}`);
    const { rows, code } = await read(`a,b\n${lines.join('\n')}\n`, { maxRows: 9_000 });
    expect(code).toBe('too_many_rows');
    expect(rows).toHaveLength(9_001);
    expect(rows.at(-1)).toBe(9_001);
  });
});

describe('readRows: batches', () => {
  it('finds the header in a later chunk of the file, below a long run of blank rows', async () => {
    const csv = `${',\n'.repeat(40_000)}姓名,身份证号\n张三,1\n`;
    expect(await read(csv)).toEqual({ rows: [40_001, 40_002] });
  });

  it('yields the rows of a chunk together, the header first', async () => {
    n += 1;
    const path = join(dir, `${n}.csv`);
    writeFileSync(
      path,
      `姓名,身份证号\n${Array.from({ length: 5_000 }, (_, i) => `学生${i},${i}`).join('\n')}\n`,
    );
    const batches: number[][] = [];
    for await (const batch of readRows(path, 'csv', DEFAULT_SHEET_LIMITS)) {
      batches.push(batch.map((r) => r.rowNo));
    }
    expect(batches.length).toBeLessThan(5);
    expect(batches.flat()).toEqual(Array.from({ length: 5_001 }, (_, i) => i + 1));
  });
});
