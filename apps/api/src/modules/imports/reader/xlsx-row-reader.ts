import type { CellValue } from '@sscard/rules';
import type ExcelJS from 'exceljs';
import { detached } from './detached-text.js';
import { reject, SheetRejected } from './sheet-limits.js';
import { openFirstWorksheet } from './xlsx-parts.js';

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

/**
 * Streams the first worksheet (workbook order) with exceljs's streaming worksheet reader
 * (xlsx-parts.ts): shared strings cached, styles cached (date formats turn serials into dates).
 * Rows with no values are skipped before their values are even built, so thousands of formatted
 * blank rows at the end cost next to nothing. The caller stops whenever it likes; the file is
 * closed then.
 *
 * Yields the rows of each chunk of sheet XML together (hundreds at a time), from the worksheet's
 * `parse()` rather than its row-by-row iterator: every `await` on a row costs several promises,
 * and once the API has used AsyncLocalStorage (database-context.ts) every promise also runs
 * Node's async hooks. Reading 100,000 rows a row per await took twice the CPU of reading them a
 * chunk per await (measured in docs/performance.md).
 */
export async function* readXlsxRows(path: string, info: SheetInfo = {}): AsyncGenerator<RawRow[]> {
  let sheet: Awaited<ReturnType<typeof openFirstWorksheet>> | undefined;
  try {
    sheet = await openFirstWorksheet(path);
    info.sheetName = sheet.name;
    for await (const events of sheet.events) {
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
  } catch (error) {
    if (error instanceof SheetRejected) throw error;
    throw reject.unreadable(error);
  } finally {
    sheet?.close();
  }
}
