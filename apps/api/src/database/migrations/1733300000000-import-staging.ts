import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4, performance: the dry run keeps the rows it parsed and validated, and the commit writes
 * from them instead of parsing the stored file a second time.
 *
 * import_staged_row is UNLOGGED: it is written once per dry run and read once per commit, so WAL
 * for it would double the dry run's writes for data that can always be rebuilt from the stored
 * file. The price: PostgreSQL empties unlogged tables after a crash, so the commit counts the
 * staged rows against the job's valid rows and refuses (nothing written) when any are missing.
 * An unlogged table may reference a logged one (not the other way round).
 *
 * import_job.column_headers: the header text of each matched column as found in the file
 * (column key → text), so a commit that finds a row changed since the dry run names the column
 * as the user's file does without reading the file again.
 * import_job.file_expired_at: the retention sweep (IMPORT_RETENTION_DAYS) deleted the stored
 * upload and staged rows of a job never committed. Such a job no longer holds its content: the
 * same file may be uploaded again as a new job.
 */
export class ImportStaging1733300000000 implements MigrationInterface {
  name = 'ImportStaging1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE import_staged_row (
        job_id uuid NOT NULL CONSTRAINT fk_import_staged_row_job REFERENCES import_job(id) ON DELETE CASCADE,
        row_no int NOT NULL CONSTRAINT ck_import_staged_row_row_no CHECK (row_no >= 1),
        value jsonb NOT NULL,
        CONSTRAINT pk_import_staged_row PRIMARY KEY (job_id, row_no)
      );
      ALTER TABLE import_job
        ADD COLUMN column_headers jsonb,
        ADD COLUMN file_expired_at timestamptz;
      DROP INDEX uq_import_job_open_content;
      CREATE UNIQUE INDEX uq_import_job_open_content ON import_job
        (kind, coalesce(district_id, ''), coalesce(unit_id::text, ''), file_sha256)
        WHERE state NOT IN ('committed', 'invalid') AND file_expired_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX uq_import_job_open_content;
      CREATE UNIQUE INDEX uq_import_job_open_content ON import_job
        (kind, coalesce(district_id, ''), coalesce(unit_id::text, ''), file_sha256)
        WHERE state NOT IN ('committed', 'invalid');
      ALTER TABLE import_job DROP COLUMN file_expired_at, DROP COLUMN column_headers;
      DROP TABLE import_staged_row;
    `);
  }
}
