import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An initial password is generated and shown once to whoever created or reset the account, so
 * it is known to two people: the account works only for changing it until its owner has.
 * Existing accounts (the demo ones among them) keep working as they are.
 */
export class PasswordChangeRequired1733400000000 implements MigrationInterface {
  name = 'PasswordChangeRequired1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}
