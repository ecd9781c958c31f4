import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parent lookup as a plpgsql function. The card_current view makes the query ten times
 * dearer to plan (≈1 ms) than to run (≈0.1 ms); plpgsql keeps the plan per connection, so the
 * public hot path plans once instead of on every request (docs/performance.md).
 */
export class PublicLookupFunction1732500000000 implements MigrationInterface {
  name = 'PublicLookupFunction1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION public_card_status(p_id_number text)
      RETURNS TABLE (holder_name text, card_state text, unit_name text)
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN QUERY
        SELECT r.name, c.state, u.name
        FROM resident r
        LEFT JOIN LATERAL (
          SELECT cc.state, cc.made_for_unit_id FROM card_current cc
          WHERE cc.resident_id = r.id ORDER BY cc.created_at DESC LIMIT 1
        ) c ON true
        LEFT JOIN unit u ON u.id = c.made_for_unit_id
        WHERE r.id_number = p_id_number;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION public_card_status(text)');
  }
}
