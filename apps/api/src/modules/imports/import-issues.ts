import { bi, type CellValue, cellText, duplicateRowIssue, type ImportKind } from '@sscard/rules';
import { headerText, maskedValue, maskIdsIn } from './import-cells.js';
import type { UniqueKey } from './import-handler.js';
import type { ImportJobsRepository, StoredIssue } from './import-jobs.repository.js';

const FLUSH_AT = 1000;

/**
 * Collects a dry run's problems: written to import_issue in chunks (one statement each), at
 * most `cap` of them (IMPORT_MAX_ISSUES); all are counted, and every row with one is known.
 * Values are masked before they are stored.
 */
export class IssueCollector {
  count = 0;
  readonly badRows = new Set<number>();
  private buffer: StoredIssue[] = [];

  constructor(
    private readonly repo: ImportJobsRepository,
    private readonly jobId: string,
    private readonly cap: number,
    private readonly header: readonly CellValue[],
    private readonly columns: readonly (string | null)[],
  ) {}

  /** A problem at a column given by index (the parser's issues). */
  async atIndex(
    rowNo: number,
    columnIndex: number | null,
    column: string,
    value: string,
    message: string,
  ): Promise<void> {
    const key = columnIndex === null ? null : (this.columns[columnIndex] ?? null);
    await this.push({
      rowNo,
      columnIndex,
      column: column || (columnIndex === null ? '' : headerText(this.header, columnIndex)),
      value: maskedValue(value, key),
      message: maskIdsIn(message),
    });
  }

  /** A problem at a column given by key (database checks); the value is read from the cells. */
  async atKey(
    rowNo: number,
    cells: readonly CellValue[],
    key: string | null,
    message: string,
  ): Promise<void> {
    const columnIndex = key === null ? null : this.columnIndex(key);
    await this.atIndex(
      rowNo,
      columnIndex,
      columnIndex === null ? '' : headerText(this.header, columnIndex),
      columnIndex === null ? '' : cellText(cells[columnIndex]),
      message,
    );
  }

  columnIndex(key: string): number | null {
    const index = this.columns.indexOf(key);
    return index >= 0 ? index : null;
  }

  private async push(issue: StoredIssue): Promise<void> {
    this.count += 1;
    this.badRows.add(issue.rowNo);
    if (this.count > this.cap) return;
    this.buffer.push(issue);
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    await this.repo.insertIssues(this.jobId, batch);
  }
}

/**
 * Duplicates inside the file: both rows are reported, each naming the other; a third copy names
 * the first. By the row's key (ID number, or card number for signatures: parseImportRow's key),
 * with the rules' message, and by the kind's other unique values (a vendor's card numbers).
 */
export class DuplicateTracker {
  // value → first row number; negative once that first row has been reported. One map for the
  // row keys and one per other unique column: no key is built by concatenation, so a key kept
  // for the whole file is the row's own (flat, detached by the reader) string.
  private readonly first = new Map<string, number>();
  private readonly byColumn = new Map<string, Map<string, number>>();

  constructor(
    private readonly kind: ImportKind,
    private readonly columns: readonly (string | null)[],
    private readonly headers: readonly (string | null)[],
  ) {}

  /**
   * Records the row's keys. Returns a promise only when the row repeats an earlier one (its
   * problems are being stored): the scan awaits nothing for the other rows, almost all of them.
   */
  see(
    rowNo: number,
    cells: readonly CellValue[],
    rowKey: string,
    extra: UniqueKey[],
    issues: IssueCollector,
  ): Promise<void> | undefined {
    const firstRow = remember(this.first, rowKey, rowNo);
    const repeats: [UniqueKey, number][] = [];
    for (const k of extra) {
      let seen = this.byColumn.get(k.column);
      if (seen === undefined) {
        seen = new Map();
        this.byColumn.set(k.column, seen);
      }
      const at = remember(seen, k.key, rowNo);
      if (at !== undefined) repeats.push([k, at]);
    }
    if (firstRow === undefined && repeats.length === 0) return undefined;
    return this.report(rowNo, cells, firstRow, repeats, issues);
  }

  private async report(
    rowNo: number,
    cells: readonly CellValue[],
    firstRow: number | undefined,
    repeats: [UniqueKey, number][],
    issues: IssueCollector,
  ): Promise<void> {
    if (firstRow !== undefined) {
      const here = duplicateRowIssue(
        this.kind,
        this.columns,
        cells,
        Math.abs(firstRow),
        this.headers,
      );
      await issues.atIndex(rowNo, here.columnIndex, here.column, here.value, here.message);
      if (firstRow > 0) {
        // The first row's cells are gone (streamed); the duplicate column holds the same value.
        const there = duplicateRowIssue(this.kind, this.columns, cells, rowNo, this.headers);
        await issues.atIndex(firstRow, there.columnIndex, there.column, there.value, there.message);
      }
    }
    for (const [k, seen] of repeats) {
      await issues.atKey(rowNo, cells, k.column, duplicateMessage(k, Math.abs(seen)));
      if (seen > 0) await issues.atKey(seen, cells, k.column, duplicateMessage(k, rowNo));
    }
  }
}

/** The first row with this value (negative if already reported), or undefined if new. */
function remember(first: Map<string, number>, value: string, rowNo: number): number | undefined {
  const seen = first.get(value);
  if (seen === undefined) first.set(value, rowNo);
  else if (seen > 0) first.set(value, -seen);
  return seen;
}

function duplicateMessage(k: UniqueKey, other: number): string {
  return bi(`${k.zh}与第${other}行重复`, `${k.en} repeats row ${other}`);
}
