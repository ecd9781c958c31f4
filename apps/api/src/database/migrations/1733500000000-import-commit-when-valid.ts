import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job may be uploaded to commit as soon as it is valid: the one-pass import reads, checks and
 * writes the file in one transaction. Kept on the job so a retry after a restart does the same.
 * Existing jobs are two-step jobs.
 */
export class ImportCommitWhenValid1733500000000 implements MigrationInterface {
  name = 'ImportCommitWhenValid1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE import_job ADD COLUMN commit_when_valid boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job DROP COLUMN commit_when_valid`);
  }
}
