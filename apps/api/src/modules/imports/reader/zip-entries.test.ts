import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readRows } from './read-rows.js';
import { DEFAULT_SHEET_LIMITS, SheetRejected } from './sheet-limits.js';
import { inspectUpload } from './upload-inspector.js';
import { readXlsxRows } from './xlsx-row-reader.js';
import { inflateEntry, readZipEntries, type ZipEntry } from './zip-entries.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../test/fixtures/import/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sscard-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function entriesOf(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return await readZipEntries(handle, size);
  } finally {
    await handle.close();
  }
}

async function partsOf(path: string): Promise<{ name: string; data: Buffer }[]> {
  const parts = [];
  for (const entry of await entriesOf(path)) {
    const chunks: Buffer[] = [];
    await inflateEntry(path, entry, (c) => chunks.push(c));
    parts.push({ name: entry.name, data: Buffer.concat(chunks) });
  }
  return parts;
}

/** A stored (uncompressed) zip of the parts, in the order given. */
function storedZip(parts: { name: string; data: Buffer }[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    out.push(local, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt32LE(crc32(data), 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, end]);
}

let written = 0;
function save(bytes: Buffer): string {
  written += 1;
  const path = join(dir, `${written}.xlsx`);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(path: string) {
  try {
    await inspectUpload(path, 'test.xlsx', DEFAULT_SHEET_LIMITS);
  } catch (error) {
    if (error instanceof SheetRejected) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SheetRejected');
}

const damaged = (zh: string, en: string) => ({
  code: 'corrupt_zip',
  message: `文件已损坏，无法作为 .xlsx 读取（${zh}）。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后上传 / The file is damaged and cannot be read as .xlsx (${en}). Open it in Excel or WPS, "Save As" an Excel workbook (.xlsx) and upload that`,
});

describe('the central-directory walk', () => {
  it('lists the parts in file order', async () => {
    const names = (await entriesOf(`${FIXTURES}ok/roster-libreoffice.xlsx`)).map((e) => e.name);
    expect(names.slice(0, 4)).toEqual([
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('inflating stops as soon as the callback throws: a bomb is never inflated further', async () => {
    const path = `${FIXTURES}not-ok/zip-bomb.xlsx`;
    const sheet = (await entriesOf(path)).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (sheet === undefined) throw new Error('no sheet');
    let seen = 0;
    const stop = new Error('enough');
    await expect(
      inflateEntry(path, sheet, (chunk) => {
        seen += chunk.length;
        if (seen > 3 * 1024 * 1024) throw stop;
      }),
    ).rejects.toBe(stop);
    // The sheet inflates to 64 MB; only what was asked for (plus one chunk) came out.
    expect(seen).toBeLessThanOrEqual(3 * 1024 * 1024 + 64 * 1024);
  });

  it('an entry hidden between the listed ones (read by exceljs, not listed) is refused', async () => {
    const good = readFileSync(`${FIXTURES}ok/roster-exceljs.xlsx`);
    const eocd = good.length - 22;
    const cdOffset = good.readUInt32LE(eocd + 16);
    const hidden = storedZip([{ name: 'xl/worksheets/sheet9.xml', data: Buffer.from('<x/>') }]);
    const local = hidden.subarray(0, hidden.readUInt32LE(hidden.length - 22 + 16));
    const bytes = Buffer.concat([good.subarray(0, cdOffset), local, good.subarray(cdOffset)]);
    bytes.writeUInt32LE(cdOffset + local.length, bytes.length - 22 + 16);
    expect(await refusal(save(bytes))).toEqual(
      damaged('压缩包结构异常', 'unexpected data before the zip directory'),
    );
  });

  it('a part flagged as encrypted is a password-protected file', async () => {
    const bytes = Buffer.from(readFileSync(`${FIXTURES}ok/roster-exceljs.xlsx`));
    const cdOffset = bytes.readUInt32LE(bytes.length - 22 + 16);
    bytes.writeUInt16LE(bytes.readUInt16LE(cdOffset + 8) | 1, cdOffset + 8);
    expect(await refusal(save(bytes))).toMatchObject({ code: 'encrypted' });
  });

  it('a part listed twice is refused', async () => {
    const parts = await partsOf(`${FIXTURES}ok/roster-exceljs.xlsx`);
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml');
    if (sheet === undefined) throw new Error('no sheet');
    expect(await refusal(save(storedZip([...parts, sheet])))).toEqual(
      damaged('“xl/worksheets/sheet1.xml”重复出现', '"xl/worksheets/sheet1.xml" appears twice'),
    );
  });
});

async function readAll(path: string) {
  const rows = [];
  for await (const batch of readRows(path, 'xlsx', DEFAULT_SHEET_LIMITS)) rows.push(...batch);
  return rows;
}

/** roster-exceljs.xlsx read whole: its header and five people, dates as dates (styles were read). */
function expectRosterRead(rows: { cells: unknown[] }[]): void {
  expect(rows).toHaveLength(6);
  expect(rows[1]?.cells[3]).toEqual(new Date(Date.UTC(1949, 11, 31)));
}

describe('part order', () => {
  it('shared strings and relationships before the sheet, workbook.xml after it: read as any other', async () => {
    // exceljs's own walk of the zip streamed such a sheet before it knew the sheet names and date
    // formats, so this layout used to be refused; the reader now takes each part from where the
    // zip directory says it lies (xlsx-parts.ts).
    const parts = await partsOf(`${FIXTURES}ok/roster-exceljs.xlsx`);
    const order = [
      'xl/sharedStrings.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/workbook.xml',
    ];
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : -1);
    const reordered = [...parts].sort((a, b) => rank(a.name) - rank(b.name));
    const path = save(storedZip(reordered));
    expect(await inspectUpload(path, 'x.xlsx', DEFAULT_SHEET_LIMITS)).toEqual({ format: 'xlsx' });
    expectRosterRead(await readAll(path));
  });

  it('the sheet before everything it needs (LibreOffice saves the sheet before the shared strings)', async () => {
    const parts = await partsOf(`${FIXTURES}ok/roster-exceljs.xlsx`);
    const sheetFirst = (name: string) => (name === 'xl/worksheets/sheet1.xml' ? 0 : 1);
    const path = save(
      storedZip([...parts].sort((a, b) => sheetFirst(a.name) - sheetFirst(b.name))),
    );
    const info: { sheetName?: string } = {};
    const rows = [];
    for await (const batch of readXlsxRows(path, info)) rows.push(...batch);
    expect(info.sheetName).toBe('花名册');
    expectRosterRead(rows);
  });

  it('the same parts with workbook.xml and styles.xml first are fine', async () => {
    const parts = await partsOf(`${FIXTURES}ok/roster-exceljs.xlsx`);
    const first = [
      'xl/workbook.xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/_rels/workbook.xml.rels',
    ];
    const rank = (name: string) => (first.includes(name) ? first.indexOf(name) : first.length);
    const reordered = [...parts].sort((a, b) => rank(a.name) - rank(b.name));
    const path = save(storedZip(reordered));
    expect(await inspectUpload(path, 'x.xlsx', DEFAULT_SHEET_LIMITS)).toEqual({ format: 'xlsx' });
    expectRosterRead(await readAll(path));
  });
});
