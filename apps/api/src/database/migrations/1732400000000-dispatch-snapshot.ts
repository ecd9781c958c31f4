import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatch without rewriting card rows. Rewriting a million card tuples costs tens of seconds,
 * so a dispatch now records WHICH cards it takes instead of updating them: every card gets an
 * intake number (a global sequence, in order of arrival), and a dispatch of a district takes the
 * district's made, unbatched cards whose intake number lies in [intake_from, intake_upto].
 * The cards are written once, when their batch reaches the unit (pickup or delivery to the unit).
 *
 * `card_current` shows every card with its EFFECTIVE state and batch: a made, unbatched card
 * inside the range of a dispatch whose batch for the card's unit is still open is in that batch
 * (in_batch, or awaiting_pickup once the batch waits for pickup — CARD_STATE_OF_BATCH). Reads go
 * through the view; writes keep targeting `card`. `batch_cards(batch)` gives one batch's cards
 * the same way, by unit + intake range (ix_card_unit_intake) instead of evaluating the view.
 */
export class DispatchSnapshot1732400000000 implements MigrationInterface {
  name = 'DispatchSnapshot1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE SEQUENCE card_intake_seq;
      ALTER TABLE card ADD COLUMN intake_no bigint NOT NULL DEFAULT nextval('card_intake_seq');
      ALTER SEQUENCE card_intake_seq OWNED BY card.intake_no;

      ALTER TABLE dispatch
        ADD COLUMN intake_from bigint NOT NULL DEFAULT 0,
        ADD COLUMN intake_upto bigint NOT NULL DEFAULT 0;
      CREATE INDEX ix_dispatch_district_intake ON dispatch (district_id, intake_upto);

      CREATE INDEX ix_card_unit_intake ON card (made_for_unit_id, intake_no)
        WHERE state = 'made' AND batch_id IS NULL;

      CREATE VIEW card_current AS
        SELECT c.id, c.district_id, c.resident_id, c.made_for_unit_id, c.card_number,
               coalesce(m.state, c.state) AS state, coalesce(m.batch_id, c.batch_id) AS batch_id,
               c.problem, c.created_at, c.updated_at, c.intake_no
        FROM card c
        LEFT JOIN LATERAL (
          -- The outer-only conditions make this a one-time filter: it runs for made cards only.
          -- At most one batch matches (a district's ranges are disjoint). The aggregate says so
          -- to the planner, which then drops the join from queries that do not read state or
          -- batch_id (counts, lists by unit) instead of running it per card.
          SELECT (array_agg(b.id))[1] AS batch_id,
                 (array_agg(CASE WHEN b.state = 'awaiting_pickup' THEN 'awaiting_pickup'
                                 ELSE 'in_batch' END))[1] AS state
          FROM batch b JOIN dispatch d ON d.id = b.dispatch_id
          WHERE c.state = 'made' AND c.batch_id IS NULL
            AND b.unit_id = c.made_for_unit_id
            AND b.state IN ('awaiting_receiver', 'awaiting_delivery', 'awaiting_pickup')
            AND c.intake_no BETWEEN d.intake_from AND d.intake_upto
        ) m ON true;

      CREATE FUNCTION batch_cards(p_batch uuid) RETURNS SETOF card_current
      LANGUAGE sql STABLE AS $$
        SELECT c.id, c.district_id, c.resident_id, c.made_for_unit_id, c.card_number, c.state,
               c.batch_id, c.problem, c.created_at, c.updated_at, c.intake_no
        FROM card c WHERE c.batch_id = p_batch
        UNION ALL
        SELECT c.id, c.district_id, c.resident_id, c.made_for_unit_id, c.card_number,
               CASE WHEN b.state = 'awaiting_pickup' THEN 'awaiting_pickup' ELSE 'in_batch' END,
               b.id, c.problem, c.created_at, c.updated_at, c.intake_no
        FROM batch b JOIN dispatch d ON d.id = b.dispatch_id
        JOIN card c ON c.made_for_unit_id = b.unit_id AND c.state = 'made' AND c.batch_id IS NULL
          AND c.intake_no BETWEEN d.intake_from AND d.intake_upto
        WHERE b.id = p_batch
          AND b.state IN ('awaiting_receiver', 'awaiting_delivery', 'awaiting_pickup')
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION batch_cards(uuid);
      DROP VIEW card_current;
      DROP INDEX ix_card_unit_intake;
      DROP INDEX ix_dispatch_district_intake;
      ALTER TABLE dispatch DROP COLUMN intake_from, DROP COLUMN intake_upto;
      ALTER TABLE card DROP COLUMN intake_no;
      DROP SEQUENCE IF EXISTS card_intake_seq;
    `);
  }
}
