import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../../database/database-context.js';

/** A row as the dry run parsed and validated it: its sheet row number and parseImportRow's value. */
export interface StagedRow {
  rowNo: number;
  value: unknown;
}

/**
 * import_staged_row: the only code touching it. The dry run stages each chunk's parsed rows; the
 * commit reads them back in row order and deletes them in its own transaction.
 */
@Injectable()
export class ImportStagingRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * One statement per chunk: the rows travel as a single JSON array parameter (one
   * JSON.stringify, one parse on the server), not one parameter per value.
   */
  async stage(jobId: string, rows: readonly StagedRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO import_staged_row (job_id, row_no, value)
       SELECT $1, r.row_no, r.value FROM jsonb_to_recordset($2::jsonb) AS r(row_no int, value jsonb)`,
      [jobId, JSON.stringify(rows.map((r) => ({ row_no: r.rowNo, value: r.value })))],
    );
  }

  async count(jobId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM import_staged_row WHERE job_id = $1',
      [jobId],
    );
    return row?.n ?? 0;
  }

  /** The next rows after `afterRowNo`, in row order (keyset on the primary key). */
  async read(jobId: string, afterRowNo: number, limit: number): Promise<StagedRow[]> {
    return this.db.query<StagedRow>(
      `SELECT row_no AS "rowNo", value FROM import_staged_row
       WHERE job_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3`,
      [jobId, afterRowNo, limit],
    );
  }

  async clear(jobId: string): Promise<void> {
    await this.db.query('DELETE FROM import_staged_row WHERE job_id = $1', [jobId]);
  }

  /**
   * At boot: staged rows no commit can use any more (jobs that are not 'valid' — interrupted
   * jobs run their dry run again before they may commit, which stages afresh).
   */
  async clearUnusable(): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM import_staged_row s USING import_job j
         WHERE j.id = s.job_id AND j.state <> 'valid' RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
    );
    return rows[0]?.n ?? 0;
  }
}
