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
      /** The data rows, a batch at a time (readRows). */
      rows: AsyncIterable<DataRow[]>;
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
  const [header, ...firstRows] = first.done ? [] : first.value;
  if (header === undefined) return { ok: true, header: [], columns: [], headers: [], rows: none() };
  const match = matchHeaders(kind, header.cells);
  if (!match.ok) {
    await it.return(undefined);
    return { ok: false, problems: match.problems };
  }
  return {
    ok: true,
    header: header.cells,
    columns: match.columns,
    headers: match.headers,
    rows: rest(firstRows, it),
  };
}

/** The data rows of the header's batch, then every later batch. */
async function* rest(first: DataRow[], it: AsyncIterator<DataRow[]>): AsyncGenerator<DataRow[]> {
  if (first.length > 0) yield first;
  yield* { [Symbol.asyncIterator]: () => it };
}

async function* none(): AsyncGenerator<DataRow[]> {}
