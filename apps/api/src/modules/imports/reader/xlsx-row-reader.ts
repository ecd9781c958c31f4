import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { CellValue } from '@sscard/rules';
import ExcelJS from 'exceljs';
import { detached } from './detached-text.js';
import { reject, SheetRejected } from './sheet-limits.js';

export interface RawRow {
  /** 1-based row number as the sheet (or the CSV file's record count) has it. */
  rowNo: number;
  /** Dense, 0-based (column A is index 0), trailing blanks trimmed; never all blank. */
  cells: CellValue[];
}

/** What the reader learned about the sheet, for messages (the sheet's name). */
export interface SheetInfo {
  sheetName?: string;
}

/** exceljs's reader exposes what it parsed from workbook.xml only on untyped properties. */
interface WorkbookInternals {
  model?: { sheets?: { name?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
}
interface WorksheetInternals {
  id?: number | string;
  name?: string;
}

function isFirstSheet(book: WorkbookInternals, sheet: WorksheetInternals): boolean {
  const first = book.model?.sheets?.[0];
  if (first === undefined) return true;
  if (sheet.name === first.name) return true;
  // exceljs names a sheet only when the relationship target is "worksheets/sheetN.xml"; an
  // absolute target leaves it as SheetN with id N.
  const target = book.workbookRels?.find((r) => r.Id === first.rId)?.Target ?? '';
  const n = /sheet(\d+)\.xml$/.exec(target)?.[1];
  return n !== undefined && String(sheet.id) === n && sheet.name === `Sheet${n}`;
}

function plainText(value: unknown): string {
  if (typeof value === 'string') return detached(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && 'richText' in value) {
    const runs = (value as { richText: unknown }).richText;
    if (Array.isArray(runs)) {
      return detached(
        runs.map((r: { text?: unknown }) => (typeof r?.text === 'string' ? r.text : '')).join(''),
      );
    }
  }
  return '';
}

/**
 * An exceljs cell value as a CellValue: rich text → its plain text, a hyperlink → its text, a
 * formula (shared or not) → { formula } whatever its cached result, an error → { error }.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return detached(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = v.formula ?? v.sharedFormula;
    return { formula: typeof formula === 'string' ? formula : '' };
  }
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return plainText(v);
  if ('text' in v) return plainText(v.text);
  return null;
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** Row.values is 1-based and sparse; the rest of the reader works on dense 0-based arrays. */
function rowCells(values: unknown): CellValue[] | undefined {
  if (!Array.isArray(values)) return undefined;
  let last = -1;
  const cells: CellValue[] = [];
  for (let col = 1; col < values.length; col += 1) {
    const cell = toCellValue(values[col]);
    cells.push(cell);
    if (!isBlank(cell)) last = col - 1;
  }
  if (last < 0) return undefined;
  cells.length = last + 1;
  return cells;
}

type Chunks = AsyncIterable<Buffer | string>;
interface ReaderParts {
  _parseWorksheet(iterator: Chunks, sheetNo: string): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  _parseWorkbook(entry: NodeJS.ReadableStream): unknown;
  _parseRels(entry: NodeJS.ReadableStream): unknown;
}

async function* utf8Chunks(source: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * exceljs 4.4.0's streaming parser decodes every chunk of XML on its own (utils/parse-sax.js),
 * so a Chinese character split between two chunks comes out as U+FFFD: about one row in ten
 * thousand of a roster. It passes strings through untouched, so it is handed text decoded
 * across chunk boundaries instead: the worksheets through a streaming TextDecoder, the other
 * parts (shared strings, workbook, relationships) by setting the entry's encoding.
 */
function decodeAcrossChunks(book: ExcelJS.stream.xlsx.WorkbookReader): void {
  const parts = book as unknown as ReaderParts;
  const worksheet = parts._parseWorksheet.bind(book);
  parts._parseWorksheet = (iterator, sheetNo) => worksheet(utf8Chunks(iterator), sheetNo);
  for (const name of ['_parseSharedStrings', '_parseWorkbook', '_parseRels'] as const) {
    const parse = parts[name].bind(book);
    parts[name] = (entry) => {
      entry.setEncoding('utf8');
      return parse(entry);
    };
  }
}

/** exceljs's worksheet reader: `parse()` yields the events of one decoded chunk of XML at a time. */
interface SheetEvents {
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}

/**
 * Streams the first worksheet (workbook order) with exceljs's WorkbookReader: shared strings
 * cached, styles cached (date formats turn serials into dates), worksheets emitted. Rows with no
 * values are skipped before their values are even built, so thousands of formatted blank rows at
 * the end cost next to nothing. The caller stops whenever it likes; the file is closed then.
 *
 * Yields the rows of each chunk of sheet XML together (hundreds at a time), from the worksheet's
 * `parse()` rather than its row-by-row iterator: every `await` on a row costs several promises,
 * and once the API has used AsyncLocalStorage (database-context.ts) every promise also runs
 * Node's async hooks. Reading 100,000 rows a row per await took twice the CPU of reading them a
 * chunk per await (measured in docs/performance.md).
 */
export async function* readXlsxRows(
  path: string,
  info: SheetInfo = {},
): AsyncGenerator<RawRow[]> {
  const input = createReadStream(path);
  const book = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeAcrossChunks(book);
  let found = false;
  try {
    for await (const sheet of book) {
      const internals = sheet as unknown as WorksheetInternals;
      if (!isFirstSheet(book as unknown as WorkbookInternals, internals)) continue;
      found = true;
      info.sheetName = internals.name;
      for await (const events of (sheet as unknown as SheetEvents).parse()) {
        const batch: RawRow[] = [];
        for (const { eventType, value } of events) {
          if (eventType !== 'row') continue;
          const row = value as ExcelJS.Row;
          if (!row.hasValues) continue;
          const cells = rowCells(row.values);
          if (cells !== undefined) batch.push({ rowNo: row.number, cells });
        }
        if (batch.length > 0) yield batch;
      }
      break;
    }
  } catch (error) {
    if (error instanceof SheetRejected) throw error;
    throw reject.unreadable(error);
  } finally {
    input.destroy();
  }
  if (!found) throw reject.noWorksheet();
}
