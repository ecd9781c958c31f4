import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports (issue 4). A job is one uploaded file of one kind for one target (a unit
 * for rosters and signatures, a district for the vendor's card list). It is validated first (dry
 * run: state 'valid' or 'invalid' with its problems in import_issue), then committed all or
 * nothing. The same content (sha256) for the same kind and target is committed at most once;
 * while on its way (validating, valid, committing, or failed / interrupted and waiting for a
 * retry) it has one job, which a re-upload finds again. An 'invalid' verdict does not hold the
 * content: it depends on the file's name (its type) and on the database at that time (a card
 * not yet at the unit, a resident registered since), so the same bytes uploaded again are
 * validated again.
 */
export class ImportJobs1732600000000 implements MigrationInterface {
  name = 'ImportJobs1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_job (
        id uuid CONSTRAINT pk_import_job PRIMARY KEY,
        kind text NOT NULL CONSTRAINT ck_import_job_kind
          CHECK (kind IN ('roster','vendor_cards','signatures','students')),
        district_id text CONSTRAINT fk_import_job_district REFERENCES district(id),
        unit_id uuid CONSTRAINT fk_import_job_unit REFERENCES unit(id),
        file_name text NOT NULL,
        file_sha256 text NOT NULL CONSTRAINT ck_import_job_sha256 CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        file_bytes bigint NOT NULL CONSTRAINT ck_import_job_file_bytes CHECK (file_bytes >= 0),
        format text CONSTRAINT ck_import_job_format CHECK (format IN ('xlsx','csv')),
        state text NOT NULL CONSTRAINT ck_import_job_state CHECK (state IN
          ('validating','invalid','valid','committing','committed','failed','interrupted')),
        phase text NOT NULL DEFAULT 'queued',
        rows_read int NOT NULL DEFAULT 0,
        rows_valid int NOT NULL DEFAULT 0,
        rows_written int NOT NULL DEFAULT 0,
        issue_count int NOT NULL DEFAULT 0,
        message text,
        result jsonb,
        created_by uuid NOT NULL CONSTRAINT fk_import_job_created_by REFERENCES app_user(id),
        committed_by uuid CONSTRAINT fk_import_job_committed_by REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz,
        CONSTRAINT ck_import_job_counts CHECK (
          rows_read >= 0 AND rows_valid >= 0 AND rows_valid <= rows_read AND rows_written >= 0
          AND issue_count >= 0),
        CONSTRAINT ck_import_job_committed CHECK ((state = 'committed') = (committed_at IS NOT NULL))
      );
      CREATE INDEX ix_import_job_district_created ON import_job (district_id, created_at DESC);
      CREATE INDEX ix_import_job_unit_created ON import_job (unit_id, created_at DESC);
      CREATE INDEX ix_import_job_running ON import_job (state) WHERE state IN ('validating','committing');
      -- A file is committed once per kind and target; one on its way has a single job.
      CREATE UNIQUE INDEX uq_import_job_committed_content ON import_job
        (kind, coalesce(district_id, ''), coalesce(unit_id::text, ''), file_sha256)
        WHERE state = 'committed';
      CREATE UNIQUE INDEX uq_import_job_open_content ON import_job
        (kind, coalesce(district_id, ''), coalesce(unit_id::text, ''), file_sha256)
        WHERE state NOT IN ('committed', 'invalid');

      -- One problem of one cell (column_index set) or of a whole row; values of ID-number
      -- columns are stored masked: the full numbers stay in the user's own stored file.
      CREATE TABLE import_issue (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_import_issue PRIMARY KEY,
        job_id uuid NOT NULL CONSTRAINT fk_import_issue_job REFERENCES import_job(id) ON DELETE CASCADE,
        row_no int NOT NULL CONSTRAINT ck_import_issue_row_no CHECK (row_no >= 1),
        column_index int CONSTRAINT ck_import_issue_column_index CHECK (column_index >= 0),
        column_name text NOT NULL DEFAULT '',
        value text NOT NULL DEFAULT '',
        message text NOT NULL
      );
      CREATE INDEX ix_import_issue_job_row ON import_issue (job_id, row_no, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_issue, import_job;');
  }
}
