import { access } from 'node:fs/promises';
import type { PassThrough } from 'node:stream';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { bi, type ImportKind } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound, StateConflict } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { maskIdsIn } from './import-cells.js';
import { streamErrorReport } from './import-error-report.js';
import { type ImportJobRow, ImportJobsRepository } from './import-jobs.repository.js';
import { ImportRunner } from './import-runner.js';
import { sheetLimits } from './import-sheet.js';
import { storedPath } from './import-upload.js';
import {
  IMPORT_ROLES,
  type ImportIssueView,
  type ImportJobView,
  type ImportListQuery,
  type ImportState,
  type IssuesQuery,
} from './imports.dto.js';

const JOB = { zh: '导入任务', en: 'Import job' };

/** Why a job cannot be committed in its state (409). */
const NOT_COMMITTABLE: Record<Exclude<ImportState, 'valid'>, string> = {
  validating: bi('文件仍在校验中，请稍候', 'The file is still being validated; wait for it'),
  invalid: bi(
    '文件校验未通过，不能导入；请下载错误报告，修改后重新上传',
    'The file did not pass validation: download the error report, fix it and upload it again',
  ),
  committing: bi('该文件正在导入，请勿重复提交', 'The file is being imported already'),
  committed: bi('该文件已经导入', 'The file was already imported'),
  failed: bi(
    '导入失败的任务须先重试，校验通过后才能导入',
    'A failed job must be retried and pass validation before it is imported',
  ),
  interrupted: bi(
    '中断的任务须先重试，校验通过后才能导入',
    'An interrupted job must be retried and pass validation before it is imported',
  ),
};

/** The retention sweep deleted the upload and its validated rows (IMPORT_RETENTION_DAYS). */
const FILE_EXPIRED = bi(
  '该文件已超过保存期限并被删除，请重新上传',
  'The file was kept past its retention period and deleted: upload it again',
);

@Injectable()
export class ImportsService {
  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly runner: ImportRunner,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The stored row with the running job's live counters merged in. */
  view(row: ImportJobRow): ImportJobView {
    const live = this.runner.live(row.id);
    let { phase, rowsRead, rowsValid, rowsWritten, issueCount } = row;
    // A one-pass job writes while it reads: its written rows move too.
    if (live && row.state === 'validating')
      ({ phase, rowsRead, rowsValid, issueCount, rowsWritten } = live);
    // While committing, the dry run's counts stand; only the written rows move.
    if (live && row.state === 'committing') ({ phase, rowsWritten } = live);
    const percent =
      row.state === 'committed'
        ? 100
        : row.state === 'committing' && rowsValid > 0
          ? Math.min(100, Math.floor((rowsWritten * 100) / rowsValid))
          : null;
    return {
      id: row.id,
      kind: row.kind,
      districtId: row.districtId,
      unit: row.unitId && row.unitName ? { id: row.unitId, name: row.unitName } : null,
      fileName: row.fileName,
      fileBytes: row.fileBytes,
      format: row.format,
      state: row.state,
      phase,
      rowsRead,
      rowsValid,
      rowsWritten,
      issueCount,
      issuesTruncated: issueCount > this.config.IMPORT_MAX_ISSUES,
      message: row.message,
      result: row.result,
      percent,
      createdBy: row.createdBy,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      committedAt: row.committedAt ? new Date(row.committedAt).toISOString() : null,
      fileExpiredAt: row.fileExpiredAt ? new Date(row.fileExpiredAt).toISOString() : null,
      commitWhenValid: row.commitWhenValid,
    };
  }

  async find(actor: Actor, id: string): Promise<ImportJobRow> {
    const row = await this.jobs.find(scopeOf(actor), id);
    if (!row) throw new NotFound(JOB);
    return row;
  }

  async get(actor: Actor, id: string): Promise<ImportJobView> {
    return this.view(await this.find(actor, id));
  }

  async list(actor: Actor, q: ImportListQuery): Promise<Page<ImportJobView>> {
    const { rows, total } = await this.jobs.list(scopeOf(actor), q);
    return { items: rows.map((r) => this.view(r)), total, page: q.page, pageSize: q.pageSize };
  }

  async issues(actor: Actor, id: string, q: IssuesQuery): Promise<Page<ImportIssueView>> {
    const job = await this.find(actor, id);
    const { rows, total } = await this.jobs.issues(job.id, q.pageSize, (q.page - 1) * q.pageSize);
    return {
      items: rows.map((r) => ({
        row: r.rowNo,
        columnIndex: r.columnIndex,
        column: r.column,
        // Stored masked already; masked again so no path can show a full ID number.
        value: maskIdsIn(r.value),
        message: r.message,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** 202: the commit runs in the background; only a valid job commits. */
  async commit(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.find(actor, id);
    this.mayImport(actor, job.kind);
    if (job.fileExpiredAt) throw new StateConflict(FILE_EXPIRED);
    if (job.state !== 'valid') throw new StateConflict(NOT_COMMITTABLE[job.state]);
    if (!(await this.jobs.markCommitting(job.id, actor.userId))) {
      throw new StateConflict(NOT_COMMITTABLE.committing);
    }
    this.runner.enqueue({ jobId: job.id, action: 'commit', actor });
    return this.get(actor, id);
  }

  /**
   * A failed or interrupted job is validated again from its stored file (a one-pass job imports
   * again in one pass, as whoever retries it).
   */
  async retry(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.find(actor, id);
    this.mayImport(actor, job.kind);
    if (job.state !== 'failed' && job.state !== 'interrupted') {
      throw new StateConflict(
        bi('只有导入失败或中断的任务可以重试', 'Only a failed or interrupted job can be retried'),
      );
    }
    if (job.fileExpiredAt) throw new StateConflict(FILE_EXPIRED);
    await this.storedFile(job);
    if (!(await this.jobs.restartValidation(job.id))) {
      throw new StateConflict(bi('任务状态已变化，请刷新', 'The job changed meanwhile; reload it'));
    }
    this.runner.enqueue({ jobId: job.id, action: 'validate', actor });
    return this.get(actor, id);
  }

  /** The rows of the user's file with the problems marked (see streamErrorReport). */
  async errorReport(actor: Actor, id: string): Promise<{ stream: PassThrough; fileName: string }> {
    const job = await this.find(actor, id);
    if (job.state !== 'invalid' || job.rowsRead === 0 || !job.format) {
      throw new StateConflict(
        job.state === 'invalid' && job.message
          ? bi(
              `整个文件被拒绝，没有逐行的错误报告：${job.message}`,
              `The whole file was refused; there is no row-by-row report: ${job.message}`,
            )
          : bi(
              '只有校验未通过的文件才有错误报告',
              'Only a file that failed validation has an error report',
            ),
      );
    }
    if (job.fileExpiredAt) throw new StateConflict(FILE_EXPIRED);
    const path = await this.storedFile(job);
    const { rows } = await this.jobs.issues(job.id, this.config.IMPORT_MAX_ISSUES, 0);
    // The report holds the full ID numbers of the user's own file: who fetched it is recorded.
    await this.audit.append(actor, [
      {
        districtId: job.districtId,
        entity: 'import_job',
        entityId: job.id,
        action: 'download_error_report',
      },
    ]);
    const stream = streamErrorReport({
      path,
      format: job.format,
      kind: job.kind,
      limits: sheetLimits(this.config),
      issues: rows,
      truncatedAt:
        job.issueCount > this.config.IMPORT_MAX_ISSUES ? this.config.IMPORT_MAX_ISSUES : null,
    });
    const base = job.fileName.replace(/\.[^.]*$/, '');
    return { stream, fileName: `${base}-错误报告.xlsx` };
  }

  mayImport(actor: Actor, kind: ImportKind): void {
    if (!IMPORT_ROLES[kind].includes(actor.role)) throw new ForbiddenException();
  }

  private async storedFile(job: ImportJobRow): Promise<string> {
    const path = storedPath(this.config.IMPORT_DIR, job.id, job.fileName);
    try {
      await access(path);
    } catch {
      throw new StateConflict(
        bi(
          '服务器上已没有该文件，请重新上传',
          'The file is no longer stored on the server: upload it again',
        ),
      );
    }
    return path;
  }
}
