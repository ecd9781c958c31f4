import { rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DatabaseContext } from '../../database/database-context.js';
import { uniqueViolation } from '../cards/vendor-list.repository.js';
import { importCommitEntry, JOB_CHANGED } from './import-commit.js';
import { columnHeaders, ImportDryRun } from './import-dry-run.js';
import { ImportFailure, importTarget } from './import-handler.js';
import { ImportHandlers } from './import-handlers.js';
import { IssueCollector } from './import-issues.js';
import { type ImportJobRow, ImportJobsRepository } from './import-jobs.repository.js';
import type { LiveProgress } from './import-progress.js';
import { scanSheet } from './import-scan.js';
import { openSheet, sheetLimits } from './import-sheet.js';
import { storedPath } from './import-upload.js';
import { inspectUpload, SheetRejected } from './reader/index.js';

/** The file is not clean: what was written rolls back and the dry run reports every problem. */
class NotClean extends Error {}

/** Constraints of the imported rows themselves: the dry run names the rows (never the job's own). */
const ROW_CONSTRAINTS = new Set(['uq_resident_id_number', 'uq_card_number', 'uq_signature_card']);

/**
 * The one-pass import (a job uploaded with "commit when valid"): the file is read, checked and
 * written in one transaction, each chunk written as soon as it is checked — the database writes
 * one chunk while this process parses the next, so the two cores work at once instead of one
 * after the other (docs/performance.md). The checks are the dry run's, chunk for chunk. At the
 * first problem the transaction rolls back, so nothing is written, and the job runs the plain
 * dry run from the start: its report is exactly the dry run's. A valid file ends 'committed'.
 */
@Injectable()
export class ImportOnePass {
  constructor(
    private readonly db: DatabaseContext,
    private readonly jobs: ImportJobsRepository,
    private readonly handlers: ImportHandlers,
    private readonly dryRun: ImportDryRun,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(
    job: ImportJobRow,
    actor: Actor,
    progress: LiveProgress,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      await this.importAll(job, actor, progress, signal);
    } catch (error) {
      if (!(error instanceof NotClean || error instanceof SheetRejected || rowConstraint(error))) {
        throw error;
      }
      Object.assign(progress.current, { rowsRead: 0, rowsValid: 0, rowsWritten: 0, issueCount: 0 });
      return this.dryRun.run(job, progress, signal);
    }
    // The data is in the database now; the personal data in the upload is not kept longer.
    await rm(storedPath(this.config.IMPORT_DIR, job.id, job.fileName), { force: true });
  }

  private async importAll(
    job: ImportJobRow,
    actor: Actor,
    progress: LiveProgress,
    signal: AbortSignal,
  ): Promise<void> {
    const p = progress.current;
    const handler = this.handlers.of(job.kind);
    const target = importTarget(job);
    const path = storedPath(this.config.IMPORT_DIR, job.id, job.fileName);
    const limits = sheetLimits(this.config);
    await progress.phase('inspecting');
    const { format } = await inspectUpload(path, job.fileName, limits);
    await progress.phase('reading');
    const sheet = await openSheet(path, format, job.kind, limits);
    if (!sheet.ok) throw new NotClean();
    // Never flushed: the run stops at the first problem, before anything is stored.
    const issues = new IssueCollector(
      this.jobs,
      job.id,
      this.config.IMPORT_MAX_ISSUES,
      sheet.header,
      sheet.columns,
    );
    const totals: Record<string, number> = {};
    await this.db.transaction(async () => {
      await scanSheet({
        target,
        sheet,
        handler,
        issues,
        progress,
        signal,
        afterRow: () => {
          if (issues.count > 0) throw new NotClean();
        },
        onChunk: async (lines) => {
          const checked = await handler.check(target, lines, { onePass: true });
          if (checked.issues.length > 0) throw new NotClean();
          const counts = await checked.write(actor);
          for (const [k, v] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + v;
          p.rowsWritten += lines.length;
        },
      });
      if (issues.count > 0 || p.rowsRead === 0) throw new NotClean();
      const result = { ...totals, rows: p.rowsWritten };
      await this.audit.append(actor, [importCommitEntry(job, result)]);
      p.phase = 'finished';
      const imported = await this.jobs.markImported(job.id, {
        by: actor.userId,
        format,
        progress: p,
        columnHeaders: columnHeaders(sheet),
        result,
      });
      if (!imported) throw new ImportFailure(JOB_CHANGED);
    });
  }
}

function rowConstraint(error: unknown): boolean {
  return ROW_CONSTRAINTS.has(uniqueViolation(error) ?? '');
}
