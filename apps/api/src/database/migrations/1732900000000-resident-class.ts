import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * N-2.3: unit staff find a child's card by class (班级) and sign for a whole class at once, so
 * the class the roster gives is kept on the resident (null for adults and when not given). The
 * index serves the stock list's class filter and the distinct classes of a unit.
 */
export class ResidentClass1732900000000 implements MigrationInterface {
  name = 'ResidentClass1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE resident ADD COLUMN class_name text;
      CREATE INDEX ix_resident_unit_class ON resident (current_unit_id, class_name);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX ix_resident_unit_class;
      ALTER TABLE resident DROP COLUMN class_name;
    `);
  }
}
