import { Injectable } from '@nestjs/common';
import { normaliseIdNumber } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { likePattern } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { ReissuePoolQuery } from './returns.dto.js';

export interface BatchRow {
  id: string;
  districtId: string;
  unitId: string;
  number: string;
  state: string;
}

export interface CardLineRow {
  cardId: string;
  cardNumber: string | null;
  state: string;
  holderName: string;
  idNumber: string;
  signed: boolean;
  returned: boolean;
}

export interface PoolRow {
  cardId: string;
  cardNumber: string | null;
  holderName: string;
  idNumber: string;
  districtId: string;
  unitId: string;
  unitName: string;
  batchNumber: string | null;
  returnedOn: string | null;
}

const POOL_SORT: Record<ReissuePoolQuery['sort'], string> = {
  holderName: 'r.name',
  cardNumber: 'c.card_number',
  returnedOn: 'cr.returned_on',
};

/** Card lines from `source` (a table or set-returning function, aliased c). */
const cardLines = (
  source: string,
) => `SELECT c.id AS "cardId", c.card_number AS "cardNumber", c.state, r.name AS "holderName",
    r.id_number AS "idNumber", (s.card_id IS NOT NULL) AS signed, (l.card_id IS NOT NULL) AS returned
  FROM ${source} c JOIN resident r ON r.id = c.resident_id
  LEFT JOIN signature s ON s.card_id = c.id
  LEFT JOIN card_return_line l ON l.card_id = c.id`;

@Injectable()
export class ReturnsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** The batch in the caller's scope; `lock` holds it for the return's transaction. */
  async findBatch(scope: Scope, id: string, lock = false): Promise<BatchRow | undefined> {
    const params: unknown[] = [id];
    const where = ['b.id = $1'];
    if (scope.districtId) where.push(`b.district_id = $${params.push(scope.districtId)}`);
    if (scope.unitId)
      where.push(`(u.id = $${params.push(scope.unitId)} OR u.parent_unit_id = $${params.length})`);
    const [row] = await this.db.query<BatchRow>(
      `SELECT b.id, b.district_id AS "districtId", b.unit_id AS "unitId", b.number, b.state
       FROM batch b JOIN unit u ON u.id = b.unit_id
       WHERE ${where.join(' AND ')} ${lock ? 'FOR UPDATE OF b' : ''}`,
      params,
    );
    return row;
  }

  async cardIdsAtUnit(batchId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM card WHERE batch_id = $1 AND state = 'at_unit' ORDER BY card_number, id`,
      [batchId],
    );
    return rows.map((r) => r.id);
  }

  async insertReturn(r: {
    districtId: string;
    batchId: string;
    returnedOn: string;
    cardCount: number;
    recordedBy: string;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO card_return (district_id, batch_id, returned_on, first_copy_returned, card_count, recorded_by)
       VALUES ($1, $2, $3, true, $4, $5) RETURNING id`,
      [r.districtId, r.batchId, r.returnedOn, r.cardCount, r.recordedBy],
    );
    if (!row) throw new Error('card_return insert returned no row');
    return row.id;
  }

  /**
   * N-2.4c, set-based: the listed cards still at the unit move to `to` (the reissue pool) and
   * each gets its return line. Returns the ids actually moved.
   */
  async moveIntoReturn(
    batchId: string,
    returnId: string,
    cardIds: string[],
    to: string,
  ): Promise<string[]> {
    const rows = await this.db.query<{ cardId: string }>(
      `WITH moved AS (
         UPDATE card SET state = $4, updated_at = now()
         WHERE batch_id = $1 AND id = ANY($3::uuid[]) AND state = 'at_unit'
         RETURNING id, district_id),
       lines AS (
         INSERT INTO card_return_line (return_id, card_id, district_id)
         SELECT $2, id, district_id FROM moved RETURNING card_id)
       SELECT card_id AS "cardId" FROM lines`,
      [batchId, returnId, cardIds, to],
    );
    return rows.map((r) => r.cardId);
  }

  async markBatchReturned(batchId: string): Promise<boolean> {
    // Wrapped in a CTE: TypeORM answers a bare UPDATE with [rows, count], a SELECT with rows.
    const rows = await this.db.query(
      `WITH moved AS (UPDATE batch SET state = 'returned' WHERE id = $1 AND state = 'at_unit' RETURNING id)
       SELECT id FROM moved`,
      [batchId],
    );
    return rows.length === 1;
  }

  returnedCards(returnId: string): Promise<CardLineRow[]> {
    return this.db.query<CardLineRow>(
      `${cardLines('card')} WHERE l.return_id = $1 ORDER BY c.card_number, c.id`,
      [returnId],
    );
  }

  batchCards(batchId: string): Promise<CardLineRow[]> {
    // batch_cards(): before the batch reaches the unit its cards are found by intake range.
    return this.db.query<CardLineRow>(
      `${cardLines('batch_cards($1)')} ORDER BY c.card_number, c.id`,
      [batchId],
    );
  }

  /** 二次发行库: cards in the reissue pool, by holder name, card number or the full ID number. */
  async pool(scope: Scope, q: ReissuePoolQuery): Promise<{ rows: PoolRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [`c.state = 'in_reissue_pool'`];
    if (scope.districtId) where.push(`c.district_id = $${params.push(scope.districtId)}`);
    if (q.search) {
      // A full ID number only matches exactly: partial ID search would help guess numbers.
      where.push(
        `(r.name ILIKE $${params.push(likePattern(q.search))} OR c.card_number ILIKE $${params.length}
          OR r.id_number = $${params.push(normaliseIdNumber(q.search))})`,
      );
    }
    const from = `FROM card c JOIN resident r ON r.id = c.resident_id JOIN unit u ON u.id = c.made_for_unit_id
      LEFT JOIN batch b ON b.id = c.batch_id
      LEFT JOIN card_return_line l ON l.card_id = c.id LEFT JOIN card_return cr ON cr.id = l.return_id
      WHERE ${where.join(' AND ')}`;
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    const rows = await this.db.query<PoolRow>(
      `SELECT c.id AS "cardId", c.card_number AS "cardNumber", r.name AS "holderName", r.id_number AS "idNumber",
              c.district_id AS "districtId", u.id AS "unitId", u.name AS "unitName", b.number AS "batchNumber",
              cr.returned_on::text AS "returnedOn"
       ${from} ORDER BY ${POOL_SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, c.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }
}
