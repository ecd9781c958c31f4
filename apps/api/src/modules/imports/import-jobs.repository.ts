import { Injectable } from '@nestjs/common';
import type { ImportKind } from '@sscard/rules';
import { DataSource } from 'typeorm';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { unitScopeSql } from '../residents/resident-scope.js';
import type { ImportListQuery, ImportPhase, ImportState } from './imports.dto.js';

export interface ImportJobRow {
  id: string;
  kind: ImportKind;
  districtId: string | null;
  unitId: string | null;
  unitName: string | null;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  format: 'xlsx' | 'csv' | null;
  state: ImportState;
  phase: ImportPhase;
  rowsRead: number;
  rowsValid: number;
  rowsWritten: number;
  issueCount: number;
  message: string | null;
  result: Record<string, unknown> | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  committedAt: Date | null;
  /** Column key → header text as found in the file (set by a dry run that ended valid). */
  columnHeaders: Record<string, string> | null;
  /** The retention sweep deleted the stored upload and staged rows (never committed). */
  fileExpiredAt: Date | null;
  /** Uploaded for the one-pass import: written as it is read, committed if the file is clean. */
  commitWhenValid: boolean;
}

export interface NewImportJob {
  id: string;
  kind: ImportKind;
  districtId: string | null;
  unitId: string | null;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  createdBy: string;
  commitWhenValid: boolean;
}

export interface JobProgress {
  phase: ImportPhase;
  rowsRead: number;
  rowsValid: number;
  rowsWritten: number;
  issueCount: number;
}

export interface StoredIssue {
  rowNo: number;
  columnIndex: number | null;
  column: string;
  value: string;
  message: string;
}

const JOB_SELECT = `SELECT j.id, j.kind, j.district_id AS "districtId", j.unit_id AS "unitId",
  u.name AS "unitName", j.file_name AS "fileName", j.file_sha256 AS "fileSha256",
  j.file_bytes::float8 AS "fileBytes", j.format, j.state, j.phase, j.rows_read AS "rowsRead",
  j.rows_valid AS "rowsValid", j.rows_written AS "rowsWritten", j.issue_count AS "issueCount",
  j.message, j.result, j.created_by AS "createdBy", j.created_at AS "createdAt",
  j.updated_at AS "updatedAt", j.committed_at AS "committedAt",
  j.column_headers AS "columnHeaders", j.file_expired_at AS "fileExpiredAt",
  j.commit_when_valid AS "commitWhenValid"
  FROM import_job j LEFT JOIN unit u ON u.id = j.unit_id`;

/** Jobs a caller may see: their district's, their unit's (or a sub-unit's), or all. */
function jobScope(scope: Scope, params: unknown[]): string[] {
  const where: string[] = [];
  if (scope.districtId) where.push(`j.district_id = $${params.push(scope.districtId)}`);
  if (scope.unitId)
    where.push(`(u.id = $${params.push(scope.unitId)} OR u.parent_unit_id = $${params.length})`);
  return where;
}

const SAME_CONTENT = `kind = $1 AND coalesce(district_id, '') = coalesce($2::text, '')
  AND coalesce(unit_id::text, '') = coalesce($3::text, '') AND file_sha256 = $4`;

/** import_job and import_issue: the only code touching them. */
@Injectable()
export class ImportJobsRepository {
  constructor(
    private readonly db: DatabaseContext,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * True when a statement can run beside an open transaction: a second pooled connection
   * exists. The embedded PGlite serves one connection, so there it cannot.
   */
  get hasSpareConnection(): boolean {
    const extra = this.dataSource.options.extra as { max?: number } | undefined;
    return (extra?.max ?? 10) > 1;
  }

  /** A unit the caller may import into (their own or a sub-unit; their district's; any). */
  async findUnit(
    scope: Scope,
    id: string,
  ): Promise<{ id: string; districtId: string } | undefined> {
    const params: unknown[] = [id];
    const where = ['u.id = $1', ...unitScopeSql(scope, params)];
    const [row] = await this.db.query<{ id: string; districtId: string }>(
      `SELECT u.id, u.district_id AS "districtId" FROM unit u WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  /** Inserts the job unless a job on its way holds the same content (then: false). */
  async insert(job: NewImportJob): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO import_job (id, kind, district_id, unit_id, file_name, file_sha256, file_bytes, state, created_by, commit_when_valid)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'validating', $8, $9)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        job.id,
        job.kind,
        job.districtId,
        job.unitId,
        job.fileName,
        job.fileSha256,
        job.fileBytes,
        job.createdBy,
        job.commitWhenValid,
      ],
    );
    return rows.length > 0;
  }

  async findCommittedContent(
    kind: ImportKind,
    districtId: string | null,
    unitId: string | null,
    sha256: string,
  ): Promise<{ id: string; committedAt: Date } | undefined> {
    const [row] = await this.db.query<{ id: string; committedAt: Date }>(
      `SELECT id, committed_at AS "committedAt" FROM import_job
       WHERE ${SAME_CONTENT} AND state = 'committed'`,
      [kind, districtId, unitId, sha256],
    );
    return row;
  }

  /** The job on its way with this content (not committed, not refused). */
  async findOpenContent(
    kind: ImportKind,
    districtId: string | null,
    unitId: string | null,
    sha256: string,
  ): Promise<string | undefined> {
    const [row] = await this.db.query<{ id: string }>(
      `SELECT id FROM import_job WHERE ${SAME_CONTENT} AND state NOT IN ('committed', 'invalid')
         AND file_expired_at IS NULL`,
      [kind, districtId, unitId, sha256],
    );
    return row?.id;
  }

  async find(scope: Scope, id: string): Promise<ImportJobRow | undefined> {
    const params: unknown[] = [id];
    const where = ['j.id = $1', ...jobScope(scope, params)];
    const [row] = await this.db.query<ImportJobRow>(
      `${JOB_SELECT} WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  async list(scope: Scope, q: ImportListQuery): Promise<{ rows: ImportJobRow[]; total: number }> {
    const params: unknown[] = [];
    const where = jobScope(scope, params);
    if (q.kind) where.push(`j.kind = $${params.push(q.kind)}`);
    if (q.state) where.push(`j.state = $${params.push(q.state)}`);
    if (q.search) where.push(`j.file_name ILIKE '%' || $${params.push(q.search)} || '%'`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM import_job j LEFT JOIN unit u ON u.id = j.unit_id ${clause}`,
      params,
    );
    const rows = await this.db.query<ImportJobRow>(
      `${JOB_SELECT} ${clause} ORDER BY j.created_at ${q.order === 'asc' ? 'ASC' : 'DESC'}, j.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }

  async issues(
    jobId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: StoredIssue[]; total: number }> {
    const [count] = await this.db.query<{ total: number }>(
      'SELECT count(*)::int AS total FROM import_issue WHERE job_id = $1',
      [jobId],
    );
    const rows = await this.db.query<StoredIssue>(
      `SELECT row_no AS "rowNo", column_index AS "columnIndex", column_name AS "column", value, message
       FROM import_issue WHERE job_id = $1 ORDER BY row_no, id LIMIT $2 OFFSET $3`,
      [jobId, limit, offset],
    );
    return { rows, total: count?.total ?? 0 };
  }

  /** Set-based: one statement per chunk of issues, one parameter per column. */
  async insertIssues(jobId: string, issues: StoredIssue[]): Promise<void> {
    if (issues.length === 0) return;
    await this.db.query(
      `INSERT INTO import_issue (job_id, row_no, column_index, column_name, value, message)
       SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[])`,
      [
        jobId,
        issues.map((i) => i.rowNo),
        issues.map((i) => i.columnIndex),
        issues.map((i) => i.column),
        issues.map((i) => i.value),
        issues.map((i) => i.message),
      ],
    );
  }

  /** A new dry run of a failed or interrupted job: its old problems and counts go. */
  async restartValidation(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE import_job SET state = 'validating', phase = 'queued', rows_read = 0, rows_valid = 0,
              rows_written = 0, issue_count = 0, message = NULL, result = NULL, updated_at = now()
       WHERE id = $1 AND state IN ('failed', 'interrupted') AND file_expired_at IS NULL
       RETURNING id`,
      [id],
    );
    if (rows.length > 0) await this.clearIssues(id);
    return rows.length > 0;
  }

  async clearIssues(jobId: string): Promise<void> {
    await this.db.query('DELETE FROM import_issue WHERE job_id = $1', [jobId]);
  }

  /** valid → committing, guarded: a second commit request finds the job no longer valid. */
  async markCommitting(id: string, by: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE import_job SET state = 'committing', phase = 'queued', rows_written = 0,
              committed_by = $2, updated_at = now()
       WHERE id = $1 AND state = 'valid' RETURNING id`,
      [id, by],
    );
    return rows.length > 0;
  }

  async saveProgress(id: string, p: JobProgress, detached = false): Promise<void> {
    // A commit re-reads the file but its own counters start at 0: the dry run's counts stand.
    const sql = `UPDATE import_job SET phase = $2,
                   rows_read = CASE WHEN state = 'validating' THEN $3 ELSE rows_read END,
                   rows_valid = CASE WHEN state = 'validating' THEN $4 ELSE rows_valid END,
                   issue_count = CASE WHEN state = 'validating' THEN $6 ELSE issue_count END,
                   rows_written = $5, updated_at = now()
                 WHERE id = $1 AND state IN ('validating', 'committing')`;
    const params = [id, p.phase, p.rowsRead, p.rowsValid, p.rowsWritten, p.issueCount];
    // Detached: on its own pooled connection, beside the commit's open transaction.
    if (detached) await this.dataSource.query(sql, params);
    else await this.db.query(sql, params);
  }

  async finishValidation(
    id: string,
    outcome: {
      state: 'valid' | 'invalid';
      format: 'xlsx' | 'csv' | null;
      progress: JobProgress;
      message: string | null;
      columnHeaders: Record<string, string> | null;
    },
  ): Promise<void> {
    const p = outcome.progress;
    await this.db.query(
      `UPDATE import_job SET state = $2, format = coalesce($3, format), phase = 'finished',
              rows_read = $4, rows_valid = $5, rows_written = 0, issue_count = $6, message = $7,
              column_headers = $8, updated_at = now()
       WHERE id = $1 AND state = 'validating'`,
      [
        id,
        outcome.state,
        outcome.format,
        p.rowsRead,
        p.rowsValid,
        p.issueCount,
        outcome.message,
        outcome.columnHeaders === null ? null : JSON.stringify(outcome.columnHeaders),
      ],
    );
  }

  /** Inside the commit's transaction: the data and the job's state commit together. */
  async markCommitted(id: string, rowsWritten: number, result: unknown): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE import_job SET state = 'committed', phase = 'finished', rows_written = $2, result = $3,
              message = NULL, committed_at = now(), updated_at = now()
       WHERE id = $1 AND state = 'committing' RETURNING id`,
      [id, rowsWritten, JSON.stringify(result)],
    );
    return rows.length > 0;
  }

  /** One-pass import, inside its transaction: validating → committed, guarded like markCommitted. */
  async markImported(
    id: string,
    outcome: {
      by: string;
      format: 'xlsx' | 'csv';
      progress: JobProgress;
      columnHeaders: Record<string, string>;
      result: unknown;
    },
  ): Promise<boolean> {
    const p = outcome.progress;
    const rows = await this.db.query(
      `UPDATE import_job SET state = 'committed', phase = 'finished', format = $2, rows_read = $3,
              rows_valid = $4, rows_written = $5, issue_count = 0, message = NULL,
              column_headers = $6, result = $7, committed_by = $8, committed_at = now(),
              updated_at = now()
       WHERE id = $1 AND state = 'validating' RETURNING id`,
      [
        id,
        outcome.format,
        p.rowsRead,
        p.rowsValid,
        p.rowsWritten,
        JSON.stringify(outcome.columnHeaders),
        JSON.stringify(outcome.result),
        outcome.by,
      ],
    );
    return rows.length > 0;
  }

  async markFailed(id: string, message: string): Promise<void> {
    await this.db.query(
      `UPDATE import_job SET state = 'failed', phase = 'finished', rows_written = 0, message = $2,
              updated_at = now()
       WHERE id = $1 AND state IN ('validating', 'committing')`,
      [id, message],
    );
  }

  /** Jobs whose process went away mid-run (or a shutdown asked the run to stop). */
  async markInterrupted(message: string, id?: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE import_job SET state = 'interrupted', phase = 'finished', rows_written = 0,
              message = $1, updated_at = now()
       WHERE state IN ('validating', 'committing') AND ($2::uuid IS NULL OR id = $2::uuid)
       RETURNING id`,
      [message, id ?? null],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The retention sweep: jobs created more than `days` ago, never committed and not running, are
   * marked expired and their staged rows deleted, in one statement. Returns them so the caller
   * deletes their stored files. Running jobs are left alone (the next sweep finds them).
   */
  async expireUncommitted(days: number): Promise<{ id: string; fileName: string }[]> {
    return this.db.query<{ id: string; fileName: string }>(
      `WITH expired AS (
         UPDATE import_job SET file_expired_at = now(), updated_at = now()
         WHERE state IN ('invalid', 'valid', 'failed', 'interrupted') AND file_expired_at IS NULL
           AND created_at < now() - make_interval(days => $1)
         RETURNING id, file_name),
       -- Runs to completion though nothing reads it (a data-modifying WITH always does).
       unstaged AS (
         DELETE FROM import_staged_row s USING expired e WHERE s.job_id = e.id RETURNING 1)
       SELECT id, file_name AS "fileName" FROM expired`,
      [days],
    );
  }

  /** Of these ids, the jobs that still own their stored file (neither committed nor expired). */
  async holdingFiles(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM import_job
       WHERE id = ANY($1::uuid[]) AND state <> 'committed' AND file_expired_at IS NULL`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }
}
