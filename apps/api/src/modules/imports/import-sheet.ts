import { type CellValue, type ImportKind, matchHeaders } from '@sscard/rules';
import type { AppConfig } from '../../config/app-config.js';
import { readRows, type SheetLimits } from './reader/index.js';

export function sheetLimits(config: AppConfig): SheetLimits {
  return {
    maxFileBytes: config.IMPORT_MAX_FILE_MB * 1_048_576,
    maxUncompressedBytes: config.IMPORT_MAX_UNCOMPRESSED_MB * 1_048_576,
    maxCompressionRatio: config.IMPORT_MAX_RATIO,
    maxRows: config.IMPORT_MAX_ROWS,
  };
}

export interface DataRow {
  rowNo: number;
  cells: CellValue[];
}

export type OpenedSheet =
  | {
      ok: true;
      header: CellValue[];
      /** Per 0-based column index: the column key, or null. */
      columns: (string | null)[];
      /** Per column: the header text as found in the file. */
      headers: string[];
      rows: AsyncIterable<DataRow>;
    }
  | { ok: false; problems: string[] };

/**
 * Reads the header row and matches it to the kind's columns; the data rows stay a stream. The
 * reader throws SheetRejected for an empty sheet or too many rows (the caller handles it).
 */
export async function openSheet(
  path: string,
  format: 'xlsx' | 'csv',
  kind: ImportKind,
  limits: SheetLimits,
): Promise<OpenedSheet> {
  const it = readRows(path, format, limits)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return { ok: true, header: [], columns: [], headers: [], rows: emptyRows() };
  const header = first.value.cells;
  const match = matchHeaders(kind, header);
  if (!match.ok) {
    await it.return?.();
    return { ok: false, problems: match.problems };
  }
  return {
    ok: true,
    header,
    columns: match.columns,
    headers: match.headers,
    rows: { [Symbol.asyncIterator]: () => it },
  };
}

async function* emptyRows(): AsyncGenerator<DataRow> {}
