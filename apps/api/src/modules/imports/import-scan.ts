import { parseImportRow } from '@sscard/rules';
import { ChunkPipeline } from './chunk-pipeline.js';
import {
  CHUNK_ROWS,
  ImportAborted,
  type ImportHandler,
  type ImportTarget,
  type ParsedLine,
} from './import-handler.js';
import type { AnyImportRow } from './import-handlers.js';
import { DuplicateTracker, type IssueCollector } from './import-issues.js';
import type { LiveProgress } from './import-progress.js';
import type { OpenedSheet } from './import-sheet.js';

export interface SheetScan {
  target: ImportTarget;
  sheet: Extract<OpenedSheet, { ok: true }>;
  handler: ImportHandler<AnyImportRow>;
  issues: IssueCollector;
  progress: LiveProgress;
  signal: AbortSignal;
  /** The database work of a chunk of rows that parsed: it runs while the next chunk is read. */
  onChunk(lines: ParsedLine<AnyImportRow>[]): Promise<void>;
  /** Called after every row: the one-pass import stops at the first problem by throwing. */
  afterRow?(): void;
}

/**
 * Reads every row of the sheet once: parsed and checked by the rules, duplicates inside the file
 * tracked, parsed rows handed to `onChunk` a chunk at a time (overlapped with reading the next).
 * The dry run and the one-pass import differ only in what a chunk does and when they stop.
 */
export async function scanSheet(scan: SheetScan): Promise<void> {
  const { target, sheet, issues, progress, signal } = scan;
  const p = progress.current;
  const dupes = new DuplicateTracker(target.kind, sheet.columns, sheet.headers);
  const pipeline = new ChunkPipeline<ParsedLine<AnyImportRow>>(scan.onChunk);
  let chunk: ParsedLine<AnyImportRow>[] = [];
  try {
    for await (const rows of sheet.rows) {
      for (const { rowNo, cells } of rows) {
        if (signal.aborted) throw new ImportAborted();
        pipeline.check();
        p.rowsRead += 1;
        const parsed = parseImportRow(target.kind, sheet.columns, cells, sheet.headers);
        if (parsed.ok) {
          const extra = scan.handler.extraUniqueKeys(parsed.value);
          const repeated = dupes.see(rowNo, cells, parsed.key, extra, issues);
          if (repeated) await repeated;
          chunk.push({ rowNo, cells, value: parsed.value });
          if (chunk.length >= CHUNK_ROWS) {
            await pipeline.push(chunk);
            chunk = [];
          }
        } else {
          for (const i of parsed.issues) {
            await issues.atIndex(rowNo, i.columnIndex, i.column, i.value, i.message);
          }
        }
        p.issueCount = issues.count;
        p.rowsValid = p.rowsRead - issues.badRows.size;
        scan.afterRow?.();
        const saving = progress.tick();
        if (saving) await saving;
      }
    }
    await pipeline.push(chunk);
    await pipeline.drain();
  } finally {
    // Nothing may still be running on a transaction's connection when it rolls back.
    await pipeline.settle();
  }
  p.issueCount = issues.count;
  p.rowsValid = p.rowsRead - issues.badRows.size;
}
