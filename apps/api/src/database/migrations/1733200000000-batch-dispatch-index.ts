import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * N-2.2a/b: a dispatch's result lists its batches (GET /api/batches?dispatchId=), paged by the
 * API; the index serves that filter (and the foreign key's checks).
 */
export class BatchDispatchIndex1733200000000 implements MigrationInterface {
  name = 'BatchDispatchIndex1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_batch_dispatch ON batch (dispatch_id, number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_batch_dispatch`);
  }
}
