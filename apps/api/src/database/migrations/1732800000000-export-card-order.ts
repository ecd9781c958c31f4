import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exports page through a batch's cards by keyset (card_number, id) — 5,000 lines per query
 * for a 100k-line receipt. With only ix_card_batch (batch_id) every page re-read and re-sorted
 * the whole batch (20 pages × 100k rows); this index hands each page over in order, so a page
 * costs its own lines. Card numbers are unique and set on every card that can be in a batch.
 */
export class ExportCardOrder1732800000000 implements MigrationInterface {
  name = 'ExportCardOrder1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ix_card_batch_number ON card (batch_id, card_number, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_card_batch_number');
  }
}
