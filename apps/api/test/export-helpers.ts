import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { bearer } from './fixtures.js';
import type { TestApp } from './test-app.js';

/** Helpers of the export tests: download, re-read with exceljs, scan cells, convert to PDF. */

export interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  json: unknown;
}

/** GET with a token, keeping the body as bytes (JSON errors are parsed too). */
export async function download(t: TestApp, url: string, token: string): Promise<Download> {
  const res = await t.http
    .get(url)
    .set(bearer(token))
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const body = res.body as Buffer;
  const type = String(res.headers['content-type'] ?? '');
  return {
    status: res.status,
    headers: res.headers as Record<string, string>,
    body,
    json: type.includes('json') ? JSON.parse(body.toString('utf8')) : undefined,
  };
}

export async function loadWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

type Plain = string | number | boolean | null;

function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  return JSON.stringify(value);
}

/** The values of one row, columns 1…`width` (null for empty cells). */
export function rowValues(ws: ExcelJS.Worksheet, rowNo: number, width: number): Plain[] {
  const row = ws.getRow(rowNo);
  return Array.from({ length: width }, (_, i) => plain(row.getCell(i + 1).value));
}

/** Every text in the workbook: all cells of all sheets, sheet names, headers and footers. */
export function everyText(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  workbook.eachSheet((ws) => {
    texts.push(ws.name, ...Object.values(ws.headerFooter ?? {}).map(String));
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        texts.push(String(plain(cell.value)));
      });
    });
  });
  return texts;
}

/** Full 18-character ID numbers anywhere in the workbook (there must be none). */
export function fullIdNumbersIn(
  workbook: ExcelJS.Workbook,
  known: readonly string[] = [],
): string[] {
  const found: string[] = [];
  for (const text of everyText(workbook)) {
    found.push(...(text.match(/\d{17}[\dX]/g) ?? []));
    for (const id of known) if (text.includes(id)) found.push(id);
  }
  return found;
}

/** The A4 print layout every export shares. */
export function expectPrintLayout(
  ws: ExcelJS.Worksheet,
  o: { orientation: 'portrait' | 'landscape'; headerRow: number; columns: number; title: string },
): void {
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.orientation).toBe(o.orientation);
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.fitToHeight).toBe(0);
  expect(ws.pageSetup.printTitlesRow).toBe(`${o.headerRow}:${o.headerRow}`);
  expect(ws.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 });
  expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 / 共 &N 页');
  expect(ws.getCell('A1').value).toBe(o.title);
  const last = String.fromCharCode(64 + o.columns);
  expect(ws.model.merges).toContain(`A1:${last}1`);
  expect(ws.getCell('A1').font?.name).toBe('宋体');
  expect(ws.getCell('A1').font?.bold).toBe(true);
  const header = ws.getRow(o.headerRow).getCell(1);
  expect(header.font?.name).toBe('宋体');
  expect(header.border?.top?.style).toBe('thin');
  for (let c = 1; c <= o.columns; c += 1) {
    expect(ws.getColumn(c).width ?? 0).toBeGreaterThan(4);
  }
}

/** An ID-number cell: a masked text, formatted as text ('@'). */
export function expectMaskedIdCell(cell: ExcelJS.Cell, masked: string): void {
  expect(cell.value).toBe(masked);
  expect(cell.numFmt).toBe('@');
  expect(cell.type).toBe(ExcelJS.ValueType.String);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download that must succeed as a workbook (200 and the .xlsx content type). */
export async function downloadXlsx(t: TestApp, url: string, token: string): Promise<Download> {
  const res = await download(t, url, token);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_TYPE);
  return res;
}

export function attachment(ascii: string, zh: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;
}

/** LibreOffice, when installed; the PDF tests skip without it, except on CI where they fail. */
export const SOFFICE: string | null = (() => {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? 'soffice' : null;
})();

export const PDF_SKIP = !SOFFICE && !process.env.CI;
if (PDF_SKIP) {
  console.warn('PDF conversion tests skipped: soffice (LibreOffice) is not installed');
}

export interface PdfInfo {
  pages: number;
  mediaBoxes: [number, number][];
}

/** Converts the files to PDF in one soffice run with its own profile, and reads each PDF. */
export async function convertToPdf(
  files: { name: string; body: Buffer }[],
): Promise<Map<string, PdfInfo>> {
  if (!SOFFICE) throw new Error('soffice (LibreOffice) is required on CI for the PDF checks');
  const dir = await mkdtemp(join(tmpdir(), 'sscard-pdf-'));
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    for (const f of files) await writeFile(join(dir, `${f.name}.xlsx`), f.body);
    const run = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files.map((f) => join(dir, `${f.name}.xlsx`)),
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
    const result = new Map<string, PdfInfo>();
    for (const f of files) {
      const pdf = (await readFile(join(dir, `${f.name}.pdf`))).toString('latin1');
      const boxes = [
        ...pdf.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g),
      ].map((m): [number, number] => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
      result.set(f.name, {
        pages: pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0,
        mediaBoxes: boxes,
      });
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/** Every page is A4 (595 × 842 pt, either way round). */
export function expectA4(info: PdfInfo | undefined): void {
  expect(info?.pages ?? 0).toBeGreaterThanOrEqual(1);
  expect(info?.mediaBoxes.length ?? 0).toBeGreaterThanOrEqual(1);
  for (const [w, h] of info?.mediaBoxes ?? []) {
    const [short, long] = w < h ? [w, h] : [h, w];
    expect(Math.round(short)).toBe(595);
    expect(Math.round(long)).toBe(842);
  }
}
