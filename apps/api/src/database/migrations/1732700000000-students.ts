import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 2025 student flow (S-1.1 … S-3.1): students of a university's colleges (unit kinds
 * 'university' / 'college'), their attachments, payment and designated institutions. Every
 * table carries district_id like the rest of the schema; checks mirror the rules package.
 */
export class Students1732700000000 implements MigrationInterface {
  name = 'Students1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE student (
        id uuid CONSTRAINT pk_student PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_student_district REFERENCES district(id),
        college_unit_id uuid NOT NULL CONSTRAINT fk_student_college REFERENCES unit(id),
        policy_year int NOT NULL,
        seq int NOT NULL CONSTRAINT ck_student_seq CHECK (seq > 0),
        name text NOT NULL,
        id_kind text NOT NULL CONSTRAINT ck_student_id_kind
          CHECK (id_kind IN ('resident','hk_mo_tw_permit','hk_mo_travel_permit','foreign_permanent')),
        id_number text NOT NULL,
        gender text NOT NULL CONSTRAINT ck_student_gender CHECK (gender IN ('male','female')),
        birth_date date NOT NULL,
        nationality_or_region text NOT NULL,
        phone text NOT NULL,
        class_name text NOT NULL,
        student_number text NOT NULL,
        study_status text NOT NULL CONSTRAINT ck_student_study_status CHECK (study_status IN ('enrolled','deferred')),
        full_time_student boolean NOT NULL,
        other_cover text NOT NULL CONSTRAINT ck_student_other_cover
          CHECK (other_cover IN ('none','public_medical','employee_medical','other_social_insurance')),
        declares_no_other_cover boolean NOT NULL,
        eligible boolean NOT NULL,
        ineligible_clause text,
        ineligible_reason text,
        status text NOT NULL DEFAULT 'registered' CONSTRAINT ck_student_status
          CHECK (status IN ('registered','submitted','reviewed','paid','photo_recorded','e_voucher')),
        created_by uuid NOT NULL CONSTRAINT fk_student_created_by REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_student_eligibility_reason CHECK (eligible = (ineligible_reason IS NULL)),
        CONSTRAINT uq_student_college_seq UNIQUE (college_unit_id, policy_year, seq),
        CONSTRAINT uq_student_year_id_number UNIQUE (policy_year, id_number)
      );
      CREATE INDEX ix_student_district_status ON student (district_id, status);
      CREATE INDEX ix_student_college_status ON student (college_unit_id, status);

      CREATE TABLE student_attachment (
        id uuid CONSTRAINT pk_student_attachment PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_student_attachment_district REFERENCES district(id),
        student_id uuid NOT NULL CONSTRAINT fk_student_attachment_student REFERENCES student(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT ck_student_attachment_kind CHECK (kind IN ('registration_form','evidence')),
        original_name text NOT NULL,
        stored_name text NOT NULL CONSTRAINT uq_student_attachment_stored_name UNIQUE,
        content_type text NOT NULL,
        bytes bigint NOT NULL CONSTRAINT ck_student_attachment_bytes CHECK (bytes > 0),
        sha256 text NOT NULL CONSTRAINT ck_student_attachment_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by uuid NOT NULL CONSTRAINT fk_student_attachment_user REFERENCES app_user(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_student_attachment_kind UNIQUE (student_id, kind)
      );

      CREATE TABLE student_payment (
        id uuid CONSTRAINT pk_student_payment PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_student_payment_district REFERENCES district(id),
        student_id uuid NOT NULL CONSTRAINT fk_student_payment_student REFERENCES student(id) ON DELETE CASCADE,
        amount_yuan int NOT NULL CONSTRAINT ck_student_payment_amount CHECK (amount_yuan > 0),
        paid_at timestamptz NOT NULL,
        channel text NOT NULL CONSTRAINT ck_student_payment_channel CHECK (channel IN
          ('jingtong_mini_program','electronic_tax_bureau','bank_app','bank_batch_withholding','bank_counter')),
        recorded_by uuid NOT NULL CONSTRAINT fk_student_payment_user REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_student_payment_student UNIQUE (student_id)
      );

      CREATE TABLE student_institution (
        district_id text NOT NULL CONSTRAINT fk_student_institution_district REFERENCES district(id),
        student_id uuid NOT NULL CONSTRAINT fk_student_institution_student REFERENCES student(id) ON DELETE CASCADE,
        position smallint NOT NULL CONSTRAINT ck_student_institution_position CHECK (position BETWEEN 1 AND 10),
        code text NOT NULL,
        kind text NOT NULL CONSTRAINT ck_student_institution_kind
          CHECK (kind IN ('community_health','general','tcm','specialist','a_class')),
        CONSTRAINT pk_student_institution PRIMARY KEY (student_id, position)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE student_institution;
      DROP TABLE student_payment;
      DROP TABLE student_attachment;
      DROP TABLE student;
    `);
  }
}
