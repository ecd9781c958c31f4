import { Inject, Injectable, Logger } from '@nestjs/common';
import { bi } from '@sscard/rules';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { type ImportHandler, importTarget } from './import-handler.js';
import { type AnyImportRow, ImportHandlers } from './import-handlers.js';
import { IssueCollector } from './import-issues.js';
import { type ImportJobRow, ImportJobsRepository } from './import-jobs.repository.js';
import type { LiveProgress } from './import-progress.js';
import { type OpenedSheet, openSheet, sheetLimits } from './import-sheet.js';
import { ImportStagingRepository } from './import-staging.repository.js';
import { headerText } from './import-cells.js';
import { scanSheet } from './import-scan.js';
import { storedPath } from './import-upload.js';
import { inspectUpload, SheetRejected } from './reader/index.js';

export const NO_DATA_ROWS = bi('文件中没有数据行', 'The file has no data rows');

export function rowsSummary(badRows: number, issues: number): string {
  return bi(
    `${badRows}行数据有问题（共${issues}处），请下载错误报告，修改后重新上传`,
    `${badRows} row(s) have problems (${issues} in all): download the error report, fix the file and upload it again`,
  );
}

/** Column key → the header text as found in the file, for the commit's messages. */
export function columnHeaders(sheet: Extract<OpenedSheet, { ok: true }>): Record<string, string> {
  const map: Record<string, string> = {};
  sheet.columns.forEach((key, index) => {
    if (key !== null) map[key] = headerText(sheet.header, index);
  });
  return map;
}

/**
 * The dry run: the whole file is read, parsed and checked (inside the file and against the
 * database, chunk by chunk) without writing anything but the job's problems and its parsed rows
 * (import_staged_row, which the commit writes from). The job ends 'valid' or 'invalid'; a file
 * refused as a whole is 'invalid' with the reason as its message. Only a valid job keeps staged
 * rows: any other outcome deletes them.
 */
@Injectable()
export class ImportDryRun {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly staging: ImportStagingRepository,
    private readonly handlers: ImportHandlers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(job: ImportJobRow, progress: LiveProgress, signal: AbortSignal): Promise<void> {
    const p = progress.current;
    const handler = this.handlers.of(job.kind);
    const path = storedPath(this.config.IMPORT_DIR, job.id, job.fileName);
    const limits = sheetLimits(this.config);
    let format: 'xlsx' | 'csv' | null = null;
    let valid = false;
    try {
      // A retried job may have rows staged by an earlier run.
      await this.staging.clear(job.id);
      await progress.phase('inspecting');
      format = (await inspectUpload(path, job.fileName, limits)).format;
      await progress.phase('reading');
      const sheet = await openSheet(path, format, job.kind, limits);
      if (!sheet.ok) {
        return this.finish(job.id, 'invalid', format, progress, sheet.problems.join('\n'));
      }
      const issues = await this.scan(job, sheet, handler, progress, signal);
      if (p.rowsRead === 0) return this.finish(job.id, 'invalid', format, progress, NO_DATA_ROWS);
      if (issues.badRows.size > 0) {
        const summary = rowsSummary(issues.badRows.size, issues.count);
        return this.finish(job.id, 'invalid', format, progress, summary);
      }
      valid = true;
      return this.finish(job.id, 'valid', format, progress, null, columnHeaders(sheet));
    } catch (error) {
      if (error instanceof SheetRejected) {
        // The user sees why the file was refused; the parser's own error is for the operator.
        if (error.cause !== undefined) {
          this.logger.warn(`import ${job.id}: ${error.code}: ${String(error.cause).slice(0, 300)}`);
        }
        // Refused as a whole, even midway (too many rows): no row counts, no row problems.
        // Invalid with rowsRead 0 always means that, and there is no row-by-row report.
        Object.assign(p, { rowsRead: 0, rowsValid: 0, issueCount: 0 });
        await this.jobs.clearIssues(job.id);
        return this.finish(job.id, 'invalid', format, progress, error.message);
      }
      throw error;
    } finally {
      // Invalid, stopped or failed: nothing may commit from what was staged. Best effort — if the
      // database is gone, boot clears staged rows of jobs that are not valid.
      if (!valid) await this.staging.clear(job.id).catch(() => undefined);
    }
  }

  private async scan(
    job: ImportJobRow,
    sheet: Extract<OpenedSheet, { ok: true }>,
    handler: ImportHandler<AnyImportRow>,
    progress: LiveProgress,
    signal: AbortSignal,
  ): Promise<IssueCollector> {
    const issues = new IssueCollector(
      this.jobs,
      job.id,
      this.config.IMPORT_MAX_ISSUES,
      sheet.header,
      sheet.columns,
    );
    await scanSheet({
      target: importTarget(job),
      sheet,
      handler,
      issues,
      progress,
      signal,
      onChunk: async (lines) => {
        const checked = await handler.check(importTarget(job), lines);
        for (const i of checked.issues) {
          const line = lines[i.line];
          if (line) await issues.atKey(line.rowNo, line.cells, i.column, i.message);
        }
        // Once any row has a problem the job ends invalid and its staged rows are deleted: stop
        // staging (the duplicate tracker's issues count too; a later issue still wastes a little).
        if (issues.count === 0) {
          await this.staging.stage(
            job.id,
            lines.map((l) => ({
              rowNo: l.rowNo,
              value: handler.stagedValue ? handler.stagedValue(l.value) : l.value,
            })),
          );
        }
      },
    });
    await issues.flush();
    return issues;
  }

  private async finish(
    id: string,
    state: 'valid' | 'invalid',
    format: 'xlsx' | 'csv' | null,
    progress: LiveProgress,
    message: string | null,
    columnHeaders: Record<string, string> | null = null,
  ): Promise<void> {
    progress.current.phase = 'finished';
    await this.jobs.finishValidation(id, {
      state,
      format,
      progress: progress.current,
      message,
      columnHeaders,
    });
  }
}
