import { rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { bi } from '@sscard/rules';
import { type AuditEntry, AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DatabaseContext } from '../../database/database-context.js';
import { ChunkPipeline } from './chunk-pipeline.js';
import {
  CHUNK_ROWS,
  ImportAborted,
  ImportFailure,
  type ImportHandler,
  importTarget,
  type ImportTarget,
  type ParsedLine,
  rowProblem,
  type StagedWriter,
} from './import-handler.js';
import { type AnyImportRow, ImportHandlers } from './import-handlers.js';
import { type ImportJobRow, ImportJobsRepository } from './import-jobs.repository.js';
import type { LiveProgress } from './import-progress.js';
import { ImportStagingRepository } from './import-staging.repository.js';
import { storedPath } from './import-upload.js';

/** Staged rows per statement of a StagedWriter: a few statements per 100,000 rows, progress between. */
const STAGED_WRITE_ROWS = 10_000;

/**
 * The validated rows are gone: PostgreSQL empties unlogged tables (import_staged_row) when it
 * recovers from a crash, and the retention sweep deletes them. Nothing is written then.
 */
export const STAGED_ROWS_MISSING = bi(
  '服务器上已没有校验通过的数据（数据库重启或文件过期后会被清除），未做任何导入；请点击“重试”重新校验，或重新上传文件',
  'The validated rows are no longer on the server (they are cleared when the database restarts or the upload expires); nothing was imported. Retry to validate the file again, or upload it again',
);

/** The job's state changed under a commit (its guarded update matched nothing). */
export const JOB_CHANGED = bi(
  '导入任务状态已变化，未做任何导入',
  'The job changed meanwhile; nothing was imported',
);

/** The job's own audit entry at commit (two-step or one-pass): the file, the unit and the counts. */
export function importCommitEntry(job: ImportJobRow, result: Record<string, number>): AuditEntry {
  return {
    districtId: job.districtId,
    entity: 'import_job',
    entityId: job.id,
    action: 'import_commit',
    after: { kind: job.kind, unitId: job.unitId, fileName: job.fileName, result },
  };
}

/**
 * The commit: all or nothing, in one transaction. It writes the rows the dry run parsed and
 * validated (import_staged_row) — the stored file is not read again, and not hashed again
 * either: what is written is what was validated, whatever became of the file. The rows are
 * checked against the database again (it may have changed since the dry run), then written:
 * by the kind's StagedWriter wholly in SQL (the roster), or read back in chunks in row order
 * and written with set-based statements. The staged rows are deleted and the job becomes
 * 'committed' in the same transaction as its data.
 */
@Injectable()
export class ImportCommitter {
  constructor(
    private readonly db: DatabaseContext,
    private readonly jobs: ImportJobsRepository,
    private readonly staging: ImportStagingRepository,
    private readonly handlers: ImportHandlers,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(
    job: ImportJobRow,
    actor: Actor,
    progress: LiveProgress,
    signal: AbortSignal,
  ): Promise<void> {
    const handler = this.handlers.of(job.kind);
    // Checked before anything is written: a table emptied by a crash has none of the rows.
    const staged = await this.staging.count(job.id);
    if (staged === 0 || staged !== job.rowsValid) throw new ImportFailure(STAGED_ROWS_MISSING);
    const headers = job.columnHeaders ?? {};
    const target = importTarget(job);
    const p = progress.current;
    await progress.phase('writing');
    await this.db.transaction(async () => {
      const totals = handler.staged
        ? await this.writeStaged(handler.staged, target, headers, actor, progress, signal)
        : await this.writeChunks(handler, target, headers, actor, job.id, progress, signal);
      if (signal.aborted) throw new ImportAborted();
      // Rows deleted meanwhile (the retention sweep): never a partial import.
      if (p.rowsWritten !== staged) throw new ImportFailure(STAGED_ROWS_MISSING);
      await this.staging.clear(job.id);
      const result = { ...totals, rows: p.rowsWritten };
      await this.audit.append(actor, [importCommitEntry(job, result)]);
      if (!(await this.jobs.markCommitted(job.id, p.rowsWritten, result))) {
        throw new ImportFailure(JOB_CHANGED);
      }
    });
    // The data is in the database now; the personal data in the upload is not kept longer.
    await rm(storedPath(this.config.IMPORT_DIR, job.id, job.fileName), { force: true });
  }

  /** SQL from the staged rows, a slice at a time; nothing travels back to Node. */
  private async writeStaged(
    writer: StagedWriter,
    target: ImportTarget,
    headers: Record<string, string>,
    actor: Actor,
    progress: LiveProgress,
    signal: AbortSignal,
  ): Promise<Record<string, number>> {
    const p = progress.current;
    const conflict = await writer.firstConflict(target);
    if (conflict) {
      const column = conflict.column === null ? '' : (headers[conflict.column] ?? '');
      throw new ImportFailure(rowProblem(conflict.rowNo, column, conflict.message));
    }
    const totals: Record<string, number> = {};
    let after = 0;
    for (;;) {
      if (signal.aborted) throw new ImportAborted();
      const slice = await writer.writeNext(actor, target, after, STAGED_WRITE_ROWS);
      if (slice.lastRowNo === null) break;
      after = slice.lastRowNo;
      for (const [k, v] of Object.entries(slice.counts)) totals[k] = (totals[k] ?? 0) + v;
      p.rowsRead += slice.rows;
      p.rowsWritten += slice.rows;
      await progress.tick();
    }
    return totals;
  }

  /** Chunks read back into Node, checked again and written by the handler. */
  private async writeChunks(
    handler: ImportHandler<AnyImportRow>,
    target: ImportTarget,
    headers: Record<string, string>,
    actor: Actor,
    jobId: string,
    progress: LiveProgress,
    signal: AbortSignal,
  ): Promise<Record<string, number>> {
    const p = progress.current;
    const totals: Record<string, number> = {};
    const pipeline = new ChunkPipeline<ParsedLine<AnyImportRow>>(async (lines) => {
      const checked = await handler.check(target, lines);
      const [issue] = checked.issues;
      const line = issue ? lines[issue.line] : undefined;
      if (issue && line) {
        const column = issue.column === null ? '' : (headers[issue.column] ?? '');
        throw new ImportFailure(rowProblem(line.rowNo, column, issue.message));
      }
      const counts = await checked.write(actor);
      for (const [k, v] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + v;
      p.rowsWritten += lines.length;
      await progress.tick();
    });
    try {
      let after = 0;
      for (;;) {
        if (signal.aborted) throw new ImportAborted();
        pipeline.check();
        // Read on the transaction's connection: on PGlite it is the only one.
        const rows = await this.staging.read(jobId, after, CHUNK_ROWS);
        const last = rows.at(-1);
        if (!last) break;
        after = last.rowNo;
        p.rowsRead += rows.length;
        // The handlers' checks and writes use the parsed value only; the file's cells are not
        // staged (only the dry run's problem report shows them).
        await pipeline.push(
          rows.map((r) => ({ rowNo: r.rowNo, cells: [], value: r.value as AnyImportRow })),
        );
      }
      await pipeline.drain();
    } finally {
      // Nothing may still be running on the transaction's connection when it rolls back.
      await pipeline.settle();
    }
    return totals;
  }
}
