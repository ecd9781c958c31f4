import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registration columns that attachment 3 (the college summary) prints, S-1.2 / S-1.4. */
const REGISTRATION_COLUMNS = [
  'college_unit_id',
  'name',
  'id_kind',
  'id_number',
  'gender',
  'birth_date',
  'nationality_or_region',
  'phone',
  'class_name',
  'student_number',
  'study_status',
  'full_time_student',
  'other_cover',
  'declares_no_other_cover',
  'eligible',
];

/**
 * S-1.4 / S-1.5: attachment 3 is done for a student only when a college summary including the
 * student was produced after the student's data last changed. registration_changed_at is kept
 * by a trigger on the registration columns (so no code path can change the data and forget it);
 * summary_exported_at is set, set-based, when a summary has been written.
 */
export class StudentSummaryExport1733100000000 implements MigrationInterface {
  name = 'StudentSummaryExport1733100000000';

  async up(q: QueryRunner): Promise<void> {
    const old = REGISTRATION_COLUMNS.map((c) => `OLD.${c}`).join(', ');
    const next = REGISTRATION_COLUMNS.map((c) => `NEW.${c}`).join(', ');
    await q.query(`
      ALTER TABLE student ADD COLUMN registration_changed_at timestamptz;
      UPDATE student SET registration_changed_at = created_at;
      ALTER TABLE student
        ALTER COLUMN registration_changed_at SET DEFAULT now(),
        ALTER COLUMN registration_changed_at SET NOT NULL,
        ADD COLUMN summary_exported_at timestamptz;

      CREATE FUNCTION student_registration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The time of the change itself, not of its transaction's start: a transaction that began
        -- before a summary was produced but changes the row after it must still count as newer.
        NEW.registration_changed_at := clock_timestamp();
        RETURN NEW;
      END $$;
      CREATE TRIGGER tr_student_registration_changed
        BEFORE UPDATE OF ${REGISTRATION_COLUMNS.join(', ')} ON student
        FOR EACH ROW WHEN ((${old}) IS DISTINCT FROM (${next}))
        EXECUTE FUNCTION student_registration_changed();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER tr_student_registration_changed ON student;
      DROP FUNCTION student_registration_changed();
      ALTER TABLE student DROP COLUMN summary_exported_at, DROP COLUMN registration_changed_at;
    `);
  }
}
