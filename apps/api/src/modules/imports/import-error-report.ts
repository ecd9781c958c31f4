import { PassThrough } from 'node:stream';
import { bi, type CellValue, type ImportKind } from '@sscard/rules';
import ExcelJS from 'exceljs';
import type { StoredIssue } from './import-jobs.repository.js';
import { readRows, type SheetLimits } from './reader/index.js';

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const PROBLEMS_HEADER = '错误说明 / Problems';

/** A cell of the user's file written back as it was (a formula stays a formula). */
function toExcel(cell: CellValue | undefined): ExcelJS.CellValue {
  if (cell === undefined || cell === null) return null;
  if (cell instanceof Date || typeof cell !== 'object') return cell;
  if ('formula' in cell) return { formula: cell.formula, result: undefined, date1904: false };
  return { error: cell.error as ExcelJS.CellErrorValue['error'] };
}

function issuesByRow(issues: StoredIssue[]): Map<number, StoredIssue[]> {
  const byRow = new Map<number, StoredIssue[]>();
  for (const i of issues) byRow.set(i.rowNo, [...(byRow.get(i.rowNo) ?? []), i]);
  return byRow;
}

/**
 * The error report: the ORIGINAL rows re-read from the stored file, each at its own row number
 * (so "第 12 行" in a message is row 12 here too), the header kept, every cell with a problem
 * filled red with the problem as its note, and a last column 错误说明 / Problems. Streamed with
 * exceljs' WorkbookWriter, so a large file never sits in memory.
 *
 * Full ID numbers stay in this file on purpose: it is the user's own upload given back, and
 * they must correct the numbers in it (the API's issue list masks them).
 */
export function streamErrorReport(o: {
  path: string;
  format: 'xlsx' | 'csv';
  kind: ImportKind;
  limits: SheetLimits;
  issues: StoredIssue[];
  truncatedAt: number | null;
}): PassThrough {
  const out = new PassThrough();
  write(out, o).catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}

type ReportSheet = ExcelJS.Worksheet;

/** The header row as the file has it, plus 错误说明; returns the problems column (1-based). */
function writeHeader(
  sheet: ReportSheet,
  row: ExcelJS.Row,
  cells: CellValue[],
  truncatedAt: number | null,
): number {
  // Cells right of the header have no column and are ignored by the import: dropped here.
  const problemsCol = Math.max(cells.length, 1) + 1;
  cells.forEach((c, i) => {
    row.getCell(i + 1).value = toExcel(c);
    row.getCell(i + 1).font = { bold: true };
  });
  const head = row.getCell(problemsCol);
  head.value = PROBLEMS_HEADER;
  head.font = { bold: true, color: { argb: 'FFC00000' } };
  if (truncatedAt !== null) {
    head.note = bi(
      `问题过多，只标出了前${truncatedAt}处`,
      `Too many problems: only the first ${truncatedAt} are marked`,
    );
  }
  sheet.getColumn(problemsCol).width = 60;
  return problemsCol;
}

function writeLine(
  row: ExcelJS.Row,
  cells: CellValue[],
  problems: StoredIssue[],
  problemsCol: number,
): void {
  for (let i = 0; i < problemsCol - 1; i += 1) row.getCell(i + 1).value = toExcel(cells[i]);
  for (const p of problems) {
    if (p.columnIndex === null || p.columnIndex >= problemsCol - 1) continue;
    const cell = row.getCell(p.columnIndex + 1);
    cell.fill = RED;
    cell.note = cell.note ? `${String(cell.note)}\n${p.message}` : p.message;
  }
  if (problems.length > 0) {
    const text = row.getCell(problemsCol);
    text.value = problems
      .map((p) => (p.column ? `${p.column}：${p.message}` : p.message))
      .join('\n');
    text.alignment = { wrapText: true, vertical: 'top' };
    text.font = { color: { argb: 'FFC00000' } };
  }
}

async function write(out: PassThrough, o: Parameters<typeof streamErrorReport>[0]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = wb.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  const byRow = issuesByRow(o.issues);
  let problemsCol = 0; // 0 until the header row is written
  for await (const rows of readRows(o.path, o.format, o.limits)) {
    for (const { rowNo, cells } of rows) {
      const row = sheet.getRow(rowNo);
      if (problemsCol === 0) problemsCol = writeHeader(sheet, row, cells, o.truncatedAt);
      else writeLine(row, cells, byRow.get(rowNo) ?? [], problemsCol);
      row.commit();
    }
  }
  await sheet.commit();
  await wb.commit();
}
