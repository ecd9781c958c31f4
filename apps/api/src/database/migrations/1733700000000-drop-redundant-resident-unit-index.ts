import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ix_resident_current_unit (current_unit_id) is a prefix of ix_resident_unit_class
 * (current_unit_id, class_name), which serves every lookup by unit, including the check of
 * fk_resident_current_unit when a unit is deleted. Every resident written paid for both.
 */
export class DropRedundantResidentUnitIndex1733700000000 implements MigrationInterface {
  name = 'DropRedundantResidentUnitIndex1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_resident_current_unit`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_resident_current_unit ON resident (current_unit_id)`);
  }
}
