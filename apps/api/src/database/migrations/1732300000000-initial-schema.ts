import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole card-distribution schema. Every district-owned table carries district_id, the
 * future distribution key (Citus) — see docs/scaling.md. Constraints and indexes are named so
 * errors and plans are readable; checks mirror the rules package's enumerations.
 */
export class InitialSchema1732300000000 implements MigrationInterface {
  name = 'InitialSchema1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE district (
        id text CONSTRAINT pk_district PRIMARY KEY,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        centre_name text NOT NULL,
        centre_address text NOT NULL DEFAULT ''
      );

      CREATE TABLE service_point (
        id uuid CONSTRAINT pk_service_point PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_service_point_district REFERENCES district(id),
        name text NOT NULL,
        address text NOT NULL DEFAULT '',
        street_office text NOT NULL DEFAULT ''
      );
      CREATE INDEX ix_service_point_district ON service_point (district_id);

      CREATE TABLE unit (
        id uuid CONSTRAINT pk_unit PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_unit_district REFERENCES district(id),
        parent_unit_id uuid CONSTRAINT fk_unit_parent REFERENCES unit(id),
        name text NOT NULL,
        kind text NOT NULL CONSTRAINT ck_unit_kind
          CHECK (kind IN ('street_office','school','kindergarten_childcare','university','college','other')),
        registration_code text NOT NULL,
        designated_person_name text,
        designated_person_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_unit_registration_code UNIQUE (registration_code)
      );
      CREATE INDEX ix_unit_district ON unit (district_id, name);

      CREATE TABLE app_user (
        id uuid CONSTRAINT pk_app_user PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CONSTRAINT uq_app_user_username UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CONSTRAINT ck_app_user_role
          CHECK (role IN ('system_admin','district_staff','unit_staff','university_staff','college_staff')),
        district_id text CONSTRAINT fk_app_user_district REFERENCES district(id),
        unit_id uuid CONSTRAINT fk_app_user_unit REFERENCES unit(id),
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_app_user_scope CHECK (
          (role = 'system_admin' AND district_id IS NULL AND unit_id IS NULL) OR
          (role = 'district_staff' AND district_id IS NOT NULL AND unit_id IS NULL) OR
          (role IN ('unit_staff','university_staff','college_staff') AND district_id IS NOT NULL AND unit_id IS NOT NULL))
      );

      CREATE TABLE user_session (
        token_hash text CONSTRAINT pk_user_session PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT fk_user_session_user REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX ix_user_session_user ON user_session (user_id);

      CREATE TABLE resident (
        id uuid CONSTRAINT pk_resident PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_resident_district REFERENCES district(id),
        id_kind text NOT NULL CONSTRAINT ck_resident_id_kind
          CHECK (id_kind IN ('resident','hk_mo_tw_permit','hk_mo_travel_permit','foreign_permanent')),
        id_number text NOT NULL,
        name text NOT NULL,
        birth_date date NOT NULL,
        category text NOT NULL CONSTRAINT ck_resident_category
          CHECK (category IN ('elderly','student_child','unemployed','unemployed_disabled')),
        subsidy_flags text[] NOT NULL DEFAULT '{}',
        current_unit_id uuid CONSTRAINT fk_resident_current_unit REFERENCES unit(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_resident_id_number UNIQUE (id_number)
      );
      CREATE INDEX ix_resident_district_name ON resident (district_id, name);
      CREATE INDEX ix_resident_current_unit ON resident (current_unit_id);

      CREATE TABLE subsidy_verification (
        id uuid CONSTRAINT pk_subsidy_verification PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_subsidy_verification_district REFERENCES district(id),
        resident_id uuid NOT NULL CONSTRAINT fk_subsidy_verification_resident REFERENCES resident(id),
        policy_year int NOT NULL,
        flag text NOT NULL,
        passed boolean NOT NULL,
        acted_by text NOT NULL CONSTRAINT ck_subsidy_verification_acted_by
          CHECK (acted_by IN ('self','guardian','civil_affairs')),
        evidence text NOT NULL,
        verified_on date NOT NULL,
        recorded_by uuid NOT NULL CONSTRAINT fk_subsidy_verification_user REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_subsidy_verification_year UNIQUE (resident_id, policy_year, flag)
      );

      CREATE TABLE designated_institution (
        district_id text NOT NULL CONSTRAINT fk_designated_institution_district REFERENCES district(id),
        resident_id uuid NOT NULL CONSTRAINT fk_designated_institution_resident REFERENCES resident(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        code text NOT NULL,
        kind text NOT NULL CONSTRAINT ck_designated_institution_kind
          CHECK (kind IN ('community_health','general','tcm','specialist','a_class')),
        CONSTRAINT pk_designated_institution PRIMARY KEY (resident_id, position)
      );

      CREATE TABLE enrolment (
        id uuid CONSTRAINT pk_enrolment PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_enrolment_district REFERENCES district(id),
        resident_id uuid NOT NULL CONSTRAINT fk_enrolment_resident REFERENCES resident(id),
        unit_id uuid NOT NULL CONSTRAINT fk_enrolment_unit REFERENCES unit(id),
        policy_year int NOT NULL,
        category text NOT NULL,
        enrolled_on date NOT NULL,
        payment_method text NOT NULL CONSTRAINT ck_enrolment_payment_method CHECK (payment_method IN ('cash','bank_withholding')),
        deposit_account text CONSTRAINT ck_enrolment_deposit_account CHECK (deposit_account IN ('jingka','other')),
        fee_yuan int NOT NULL CONSTRAINT ck_enrolment_fee CHECK (fee_yuan >= 0),
        exempt boolean NOT NULL,
        required_deposit_yuan int,
        january_cover boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_enrolment_resident_year UNIQUE (resident_id, policy_year)
      );
      CREATE INDEX ix_enrolment_district_year ON enrolment (district_id, policy_year);

      CREATE TABLE payment (
        id uuid CONSTRAINT pk_payment PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_payment_district REFERENCES district(id),
        enrolment_id uuid NOT NULL CONSTRAINT fk_payment_enrolment REFERENCES enrolment(id),
        amount_yuan int NOT NULL CONSTRAINT ck_payment_amount CHECK (amount_yuan >= 0),
        paid_on date NOT NULL,
        method text NOT NULL,
        channel text,
        withholding_round smallint,
        recorded_by uuid NOT NULL CONSTRAINT fk_payment_user REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_payment_enrolment UNIQUE (enrolment_id)
      );

      CREATE TABLE temporary_certificate (
        id uuid CONSTRAINT pk_temporary_certificate PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_temporary_certificate_district REFERENCES district(id),
        number text NOT NULL CONSTRAINT uq_temporary_certificate_number UNIQUE,
        resident_id uuid NOT NULL CONSTRAINT fk_temporary_certificate_resident REFERENCES resident(id),
        issued_on date NOT NULL,
        closed_on date
      );
      CREATE UNIQUE INDEX uq_temporary_certificate_open ON temporary_certificate (resident_id) WHERE closed_on IS NULL;

      CREATE TABLE dispatch (
        id uuid CONSTRAINT pk_dispatch PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_dispatch_district REFERENCES district(id),
        pickup_place text NOT NULL,
        pickup_deadline date NOT NULL,
        batch_count int NOT NULL,
        card_count int NOT NULL,
        created_by uuid NOT NULL CONSTRAINT fk_dispatch_user REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE batch (
        id uuid CONSTRAINT pk_batch PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_batch_district REFERENCES district(id),
        dispatch_id uuid NOT NULL CONSTRAINT fk_batch_dispatch REFERENCES dispatch(id),
        unit_id uuid NOT NULL CONSTRAINT fk_batch_unit REFERENCES unit(id),
        number text NOT NULL,
        route text NOT NULL CONSTRAINT ck_batch_route CHECK (route IN ('direct_delivery','pickup')),
        eligible_count int NOT NULL,
        card_count int NOT NULL,
        state text NOT NULL CONSTRAINT ck_batch_state
          CHECK (state IN ('awaiting_receiver','awaiting_delivery','awaiting_pickup','at_unit','returned')),
        receiver_name text,
        receiver_phone text,
        pickup_place text,
        pickup_deadline date,
        delivered_to text CONSTRAINT ck_batch_delivered_to CHECK (delivered_to IN ('unit','district_centre')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_batch_number UNIQUE (number)
      );
      CREATE INDEX ix_batch_district_state ON batch (district_id, state);
      CREATE INDEX ix_batch_unit ON batch (unit_id);

      CREATE TABLE card (
        id uuid CONSTRAINT pk_card PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_card_district REFERENCES district(id),
        resident_id uuid NOT NULL CONSTRAINT fk_card_resident REFERENCES resident(id),
        made_for_unit_id uuid NOT NULL CONSTRAINT fk_card_unit REFERENCES unit(id),
        card_number text,
        state text NOT NULL CONSTRAINT ck_card_state CHECK (state IN (
          'made','not_made_data_problem','in_batch','awaiting_pickup','at_unit','issued',
          'returned','in_reissue_pool','reissued','identity_sync')),
        batch_id uuid CONSTRAINT fk_card_batch REFERENCES batch(id),
        problem text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_card_number UNIQUE (card_number),
        CONSTRAINT ck_card_made_has_number CHECK (state = 'not_made_data_problem' OR card_number IS NOT NULL)
      );
      CREATE INDEX ix_card_district_state ON card (district_id, state);
      CREATE INDEX ix_card_unit_state ON card (made_for_unit_id, state);
      CREATE INDEX ix_card_batch ON card (batch_id);
      CREATE INDEX ix_card_resident ON card (resident_id);

      CREATE TABLE notice (
        id uuid CONSTRAINT pk_notice PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_notice_district REFERENCES district(id),
        unit_id uuid NOT NULL CONSTRAINT fk_notice_unit REFERENCES unit(id),
        batch_id uuid NOT NULL CONSTRAINT fk_notice_batch REFERENCES batch(id),
        kind text NOT NULL CONSTRAINT ck_notice_kind CHECK (kind IN ('name_receiver','pickup')),
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ix_notice_unit ON notice (unit_id);

      CREATE TABLE pickup (
        id uuid CONSTRAINT pk_pickup PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_pickup_district REFERENCES district(id),
        batch_id uuid NOT NULL CONSTRAINT fk_pickup_batch REFERENCES batch(id),
        credential_kind text NOT NULL,
        credential_code text NOT NULL,
        collector_name text NOT NULL,
        picked_up_on date NOT NULL,
        recorded_by uuid NOT NULL CONSTRAINT fk_pickup_user REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_pickup_batch UNIQUE (batch_id)
      );

      CREATE TABLE signature (
        id uuid CONSTRAINT pk_signature PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_signature_district REFERENCES district(id),
        card_id uuid NOT NULL CONSTRAINT fk_signature_card REFERENCES card(id),
        batch_id uuid NOT NULL CONSTRAINT fk_signature_batch REFERENCES batch(id),
        signer_kind text NOT NULL CONSTRAINT ck_signature_signer_kind CHECK (signer_kind IN ('self','proxy')),
        signer_name text NOT NULL,
        signed_on date NOT NULL,
        recorded_by uuid NOT NULL CONSTRAINT fk_signature_user REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_signature_card UNIQUE (card_id)
      );
      CREATE INDEX ix_signature_batch ON signature (batch_id);

      CREATE TABLE card_return (
        id uuid CONSTRAINT pk_card_return PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_card_return_district REFERENCES district(id),
        batch_id uuid NOT NULL CONSTRAINT fk_card_return_batch REFERENCES batch(id),
        returned_on date NOT NULL,
        first_copy_returned boolean NOT NULL CONSTRAINT ck_card_return_first_copy CHECK (first_copy_returned),
        card_count int NOT NULL,
        recorded_by uuid NOT NULL CONSTRAINT fk_card_return_user REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_card_return_batch UNIQUE (batch_id)
      );

      CREATE TABLE card_return_line (
        return_id uuid NOT NULL CONSTRAINT fk_card_return_line_return REFERENCES card_return(id),
        card_id uuid NOT NULL CONSTRAINT fk_card_return_line_card REFERENCES card(id),
        district_id text NOT NULL,
        CONSTRAINT pk_card_return_line PRIMARY KEY (card_id)
      );
      CREATE INDEX ix_card_return_line_return ON card_return_line (return_id);

      CREATE TABLE reissue (
        id uuid CONSTRAINT pk_reissue PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_reissue_district REFERENCES district(id),
        card_id uuid NOT NULL CONSTRAINT fk_reissue_card REFERENCES card(id),
        service_point_id uuid NOT NULL CONSTRAINT fk_reissue_service_point REFERENCES service_point(id),
        applicant_name text NOT NULL,
        holder_document text NOT NULL,
        applicant_document text NOT NULL,
        applied_on date NOT NULL,
        recorded_by uuid NOT NULL CONSTRAINT fk_reissue_user REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_reissue_card UNIQUE (card_id)
      );

      CREATE TABLE category_change (
        id uuid CONSTRAINT pk_category_change PRIMARY KEY DEFAULT gen_random_uuid(),
        district_id text NOT NULL CONSTRAINT fk_category_change_district REFERENCES district(id),
        resident_id uuid NOT NULL CONSTRAINT fk_category_change_resident REFERENCES resident(id),
        card_id uuid CONSTRAINT fk_category_change_card REFERENCES card(id),
        from_category text NOT NULL,
        to_category text NOT NULL,
        changed_on date NOT NULL,
        synced_on date,
        recorded_by uuid NOT NULL CONSTRAINT fk_category_change_user REFERENCES app_user(id)
      );

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_audit_log PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_role text NOT NULL,
        district_id text,
        entity text NOT NULL,
        entity_id text NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb
      );
      CREATE INDEX ix_audit_log_district_at ON audit_log (district_id, at DESC);
      CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id);

      -- The audit log is append-only: no UPDATE or DELETE, whoever asks.
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$;
      CREATE TRIGGER tr_audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_idempotency_key PRIMARY KEY (user_id, key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_key, audit_log, category_change, reissue, card_return_line, card_return,
        signature, pickup, notice, card, batch, dispatch, temporary_certificate, payment, enrolment,
        designated_institution, subsidy_verification, resident, user_session, app_user, unit,
        service_point, district;
      DROP FUNCTION audit_log_append_only();
    `);
  }
}
