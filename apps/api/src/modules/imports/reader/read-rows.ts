import { HEADER_SEARCH_ROWS, isHeaderCandidate } from '@sscard/rules';
import { readCsvRows } from './csv-row-reader.js';
import { reject, type SheetLimits } from './sheet-limits.js';
import { type RawRow, readXlsxRows, type SheetInfo } from './xlsx-row-reader.js';

/**
 * Streams the first worksheet (xlsx via exceljs stream.xlsx.WorkbookReader; csv via a streaming
 * parser, UTF-8 with or without BOM, or GB18030 as Excel-in-China saves it). Yields non-blank
 * rows with their 1-based sheet row numbers, a batch at a time (the rows of a chunk of the file:
 * see readXlsxRows); the first row of the first batch is the header. Throws
 * SheetRejected on an empty sheet or more than maxRows rows.
 *
 * Title rows: the header is the first of the first HEADER_SEARCH_ROWS non-blank rows with at
 * least two filled cells (see isHeaderCandidate in @sscard/rules); the rows above it (a merged
 * title, 填报单位…) are not yielded. Blank rows are skipped wherever they are and never count.
 * Data rows are limited twice, each stopping the read at once: more than maxRows of them, or one
 * lying more than maxRows rows below the header.
 */
export async function* readRows(
  path: string,
  format: 'xlsx' | 'csv',
  limits: SheetLimits,
): AsyncGenerator<RawRow[]> {
  const info: SheetInfo = {};
  const source = format === 'xlsx' ? readXlsxRows(path, info) : readCsvRows(path);
  const pending: RawRow[] = [];
  let header: RawRow | undefined;
  let dataRows = 0;

  /**
   * The batch's data rows (after `lead`, the header when it is in this batch), each counted
   * against the caps. Rows before a refused one are still yielded, then the refusal is thrown,
   * so the caller sees exactly the rows a row-by-row reader would have given it.
   */
  function* batchOf(rows: RawRow[], headerRow: RawRow, lead: RawRow[] = []): Generator<RawRow[]> {
    const last = headerRow.rowNo + limits.maxRows;
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as RawRow;
      dataRows += 1;
      const refused =
        dataRows > limits.maxRows
          ? reject.tooManyRows(limits.maxRows, row.rowNo)
          : row.rowNo > last
            ? reject.rowBeyondRange(row.rowNo, last)
            : undefined;
      if (refused === undefined) continue;
      const before = [...lead, ...rows.slice(0, i)];
      if (before.length > 0) yield before;
      throw refused;
    }
    const out = lead.length === 0 ? rows : [...lead, ...rows];
    if (out.length > 0) yield out;
  }

  /** Until the header is known: the rows it decides on, the header first; or undefined. */
  const seek = (row: RawRow): RawRow[] | undefined => {
    if (isHeaderCandidate(row.cells)) {
      pending.length = 0;
      return [row];
    }
    // No row looks like a header: the first one is it, and matchHeaders will say why not.
    return pending.push(row) >= HEADER_SEARCH_ROWS ? pending.splice(0) : undefined;
  };

  for await (const batch of source) {
    if (header !== undefined) {
      yield* batchOf(batch, header);
      continue;
    }
    for (let i = 0; i < batch.length; i += 1) {
      const [first, ...rest] = seek(batch[i] as RawRow) ?? [];
      if (first === undefined) continue;
      header = first;
      yield* batchOf([...rest, ...batch.slice(i + 1)], first, [first]);
      break;
    }
  }
  if (header === undefined) {
    const [first, ...rest] = pending;
    if (first === undefined)
      throw reject.emptySheet(format === 'xlsx' ? info.sheetName : undefined);
    header = first;
    yield* batchOf(rest, first, [first]);
  }
  if (dataRows === 0) throw reject.noDataRows(header.rowNo);
}
