import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { SheetXmlScan } from './sheet-xml-scan.js';
import { RATIO_FLOOR_BYTES, reject, type SheetLimits } from './sheet-limits.js';
import { inflateEntry, inflateText, readZipEntries, type ZipEntry } from './zip-entries.js';

/**
 * Checks the stored upload without trusting its name: type by magic bytes, zip structure, zip
 * bomb (by actual inflated bytes, not the header's claims), encryption (CFB with EncryptionInfo →
 * password-protected; other CFB → old .xls), hidden sheets, merged cells, no worksheet, size
 * caps. Throws SheetRejected.
 */
export async function inspectUpload(
  path: string,
  fileName: string,
  limits: SheetLimits,
): Promise<{ format: 'xlsx' | 'csv' }> {
  const ext = extname(fileName).toLowerCase();
  const { size } = await stat(path);
  if (size === 0) throw reject.emptyFile();
  if (size > limits.maxFileBytes) throw reject.tooLarge(size, limits.maxFileBytes);
  const head = await readHead(path, 8);
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    await inspectXlsx(path, size, limits);
    return { format: 'xlsx' };
  }
  if (head.equals(CFB_MAGIC)) throw await cfbRejection(path, ext);
  if (ext === '.csv') {
    await checkText(path);
    return { format: 'csv' };
  }
  if (ext === '.xlsx') throw reject.notAZip();
  if (ext === '.xls') throw reject.fakeXls();
  throw reject.wrongType(ext);
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SMALL_PART_BYTES = 8 * 1024 * 1024;

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether any of the needles occurs in the file, reading it in chunks (needles may straddle). */
async function fileContains(path: string, needles: readonly Buffer[]): Promise<boolean[]> {
  const found = needles.map(() => false);
  const overlap = Math.max(...needles.map((n) => n.length)) - 1;
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const bytes = Buffer.concat([tail, chunk as Buffer]);
    needles.forEach((needle, i) => {
      if (!found[i] && bytes.indexOf(needle) >= 0) found[i] = true;
    });
    if (found.every(Boolean)) break;
    tail = bytes.subarray(Math.max(0, bytes.length - overlap));
  }
  return found;
}

/** A compound file: an encrypted OOXML package (its directory names EncryptionInfo), or an .xls. */
async function cfbRejection(path: string, ext: string): Promise<Error> {
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');
  const [encryption, workbook] = await fileContains(path, [
    utf16('EncryptionInfo'),
    utf16('Workbook'),
  ]);
  if (encryption) return reject.encrypted();
  if (workbook || ext === '.xls' || ext === '.xlsx') return reject.oldXls();
  return reject.wrongType(ext);
}

/** CSV is accepted by its extension only when the content is text: no NUL byte anywhere. */
async function checkText(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    if ((chunk as Buffer).indexOf(0) >= 0) throw reject.csvNotText();
  }
}

function notAWorkbookHint(names: ReadonlySet<string>): { zh: string; en: string } | undefined {
  if (names.has('xl/workbook.bin')) {
    return { zh: ' Excel 二进制工作簿（.xlsb）', en: 'an Excel binary workbook (.xlsb)' };
  }
  if (names.has('content.xml') && names.has('mimetype')) {
    return { zh: ' OpenDocument 表格（.ods）', en: 'an OpenDocument spreadsheet (.ods)' };
  }
  if (names.has('word/document.xml')) return { zh: ' Word 文档', en: 'a Word document' };
  return undefined;
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? whole;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

interface SheetRef {
  name: string;
  state: string;
  relId: string;
}

function parseSheets(workbookXml: string): SheetRef[] {
  const sheets: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const tag = m[0];
    sheets.push({
      name: attr(tag, 'name') ?? '',
      state: attr(tag, 'state') ?? 'visible',
      relId: attr(tag, '[\\w.-]+:id') ?? '',
    });
  }
  return sheets;
}

/** The zip path a workbook relationship points to ("worksheets/sheet1.xml" → "xl/…"). */
function relationshipTarget(relsXml: string, id: string): string | undefined {
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)) {
    if (attr(m[0], 'Id') !== id) continue;
    const target = attr(m[0], 'Target');
    if (target === undefined) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return undefined;
}

async function inspectXlsx(path: string, size: number, limits: SheetLimits): Promise<void> {
  const handle = await open(path, 'r');
  let entries: ZipEntry[];
  try {
    entries = await readZipEntries(handle, size);
  } finally {
    await handle.close();
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get('xl/workbook.xml');
  if (workbookEntry === undefined)
    throw reject.notAWorkbook(notAWorkbookHint(new Set(byName.keys())));
  const smallCap = Math.min(SMALL_PART_BYTES, limits.maxUncompressedBytes);
  const sheets = parseSheets(await inflateText(path, workbookEntry, smallCap));
  const first = sheets[0];
  if (first === undefined) throw reject.noWorksheet();
  const hidden = sheets.filter((s) => s.state === 'hidden' || s.state === 'veryHidden');
  if (hidden.length > 0) throw reject.hiddenSheet(hidden.map((s) => s.name));
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  const rels = relsEntry === undefined ? '' : await inflateText(path, relsEntry, smallCap);
  const sheetPath = relationshipTarget(rels, first.relId);
  // exceljs reads worksheets only under this exact name pattern.
  if (
    sheetPath === undefined ||
    !/^xl\/worksheets\/sheet\d+\.xml$/.test(sheetPath) ||
    !byName.has(sheetPath)
  ) {
    throw reject.firstSheetUnreadable(first.name);
  }

  const scan = new SheetXmlScan();
  let total = 0;
  for (const entry of entries) {
    let inflated = 0;
    const isSheet = entry.name === sheetPath;
    const ratioCap = limits.maxCompressionRatio * Math.max(entry.compressedSize, 1);
    await inflateEntry(path, entry, (chunk) => {
      inflated += chunk.length;
      total += chunk.length;
      if (total > limits.maxUncompressedBytes)
        throw reject.zipBombSize(limits.maxUncompressedBytes);
      if (inflated > RATIO_FLOOR_BYTES && inflated > ratioCap) {
        throw reject.zipBombRatio(entry.name, limits.maxCompressionRatio);
      }
      if (isSheet) scan.push(chunk);
    });
    if (isSheet) scan.end();
  }
  if (scan.firstFilledRow === undefined) throw reject.emptySheet(first.name);
  const merged = scan.mergesInTable();
  if (merged.length > 0) throw reject.mergedCells(first.name, merged);
}
