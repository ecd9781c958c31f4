import { type CellValue, HEADER_SEARCH_ROWS, isHeaderCandidate } from '@sscard/rules';
import { readCsvRows } from './csv-row-reader.js';
import { reject, type SheetLimits } from './sheet-limits.js';
import { type RawRow, readXlsxRows, type SheetInfo } from './xlsx-row-reader.js';

/**
 * Streams the first worksheet (xlsx via exceljs stream.xlsx.WorkbookReader; csv via a streaming
 * parser, UTF-8 with or without BOM, or GB18030 as Excel-in-China saves it). Yields non-blank
 * rows with their 1-based sheet row numbers; the first yielded row is the header. Throws
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
): AsyncIterable<{ rowNo: number; cells: CellValue[] }> {
  const info: SheetInfo = {};
  const source = format === 'xlsx' ? readXlsxRows(path, info) : readCsvRows(path);
  const pending: RawRow[] = [];
  let header: RawRow | undefined;
  let dataRows = 0;

  const check = (row: RawRow, headerRow: RawRow): RawRow => {
    dataRows += 1;
    if (dataRows > limits.maxRows) throw reject.tooManyRows(limits.maxRows, row.rowNo);
    const last = headerRow.rowNo + limits.maxRows;
    if (row.rowNo > last) throw reject.rowBeyondRange(row.rowNo, last);
    return row;
  };

  for await (const row of source) {
    if (header !== undefined) {
      yield check(row, header);
      continue;
    }
    if (isHeaderCandidate(row.cells)) {
      header = row;
      pending.length = 0;
      yield row;
    } else if (pending.push(row) >= HEADER_SEARCH_ROWS) {
      // No row looks like a header: the first one is it, and matchHeaders will say why not.
      const [first, ...rest] = pending.splice(0);
      if (first === undefined) continue;
      header = first;
      yield first;
      for (const r of rest) yield check(r, first);
    }
  }
  if (header === undefined) {
    const [first, ...rest] = pending;
    if (first === undefined)
      throw reject.emptySheet(format === 'xlsx' ? info.sheetName : undefined);
    header = first;
    yield first;
    for (const r of rest) yield check(r, first);
  }
  if (dataRows === 0) throw reject.noDataRows(header.rowNo);
}
