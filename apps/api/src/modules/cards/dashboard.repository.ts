import { Injectable } from '@nestjs/common';
import type { BatchRoute, BatchState, CardState } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { OverdueQuery } from './cards.dto.js';

export interface PickupDueRow {
  batchId: string;
  number: string;
  unitId: string;
  unitName: string;
  deadline: string;
  cardCount: number;
}

export interface OverdueUnitRow {
  unitId: string;
  unitName: string;
  registrationCode: string;
  deadline: string | null;
  cardCount: number;
  batches: { id: string; number: string; deadline: string; cardCount: number }[];
}

/** Scope on a table with district_id and a unit column (`unitColumn`). */
function scoped(scope: Scope, params: unknown[], alias: string, unitColumn: string): string[] {
  const where: string[] = [];
  if (scope.districtId) where.push(`${alias}.district_id = $${params.push(scope.districtId)}`);
  if (scope.unitId) where.push(`${alias}.${unitColumn} = $${params.push(scope.unitId)}`);
  return where;
}

const and = (where: string[]) => (where.length ? ` AND ${where.join(' AND ')}` : '');

const OVERDUE_SORT: Record<OverdueQuery['sort'], string> = {
  unitName: 'u.name',
  cardCount: '"cardCount"',
  deadline: 'deadline',
};

/**
 * Aggregates for the dashboard and the N-3 overdue lists, all in set-based SQL. Which deadline
 * is past is NOT decided here: the service applies the rules to the aggregated rows.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Counts by EFFECTIVE state (as card_current shows it) without evaluating the view per card:
   * the stored states, then the cards of open batches dispatched by intake range — still stored
   * as made — move from made to their batch's state, card_count of them per batch. Batches
   * dispatched before intake ranges (intake_from 0) have their cards stored already.
   */
  async cardsByState(scope: Scope): Promise<{ state: CardState; count: number }[]> {
    const params: unknown[] = [];
    const cards = scoped(scope, params, 'c', 'made_for_unit_id');
    const batches = scoped(scope, params, 'b', 'unit_id');
    return this.db.query(
      `WITH stored AS (
         SELECT c.state, count(*)::int AS count FROM card c WHERE true${and(cards)} GROUP BY c.state),
       open AS (
         SELECT CASE WHEN b.state = 'awaiting_pickup' THEN 'awaiting_pickup' ELSE 'in_batch' END AS state,
                sum(b.card_count)::int AS count
         FROM batch b JOIN dispatch d ON d.id = b.dispatch_id
         WHERE b.state IN ('awaiting_receiver', 'awaiting_delivery', 'awaiting_pickup')
           AND d.intake_from > 0${and(batches)}
         GROUP BY 1)
       SELECT state, sum(count)::int AS count
       FROM (SELECT state, count FROM stored
             UNION ALL SELECT state, count FROM open
             UNION ALL SELECT 'made', -count FROM open) x
       GROUP BY state HAVING sum(count) <> 0`,
      params,
    );
  }

  async batchesByRouteAndState(
    scope: Scope,
  ): Promise<{ route: BatchRoute; state: BatchState; batches: number; cards: number }[]> {
    const params: unknown[] = [];
    const where = scoped(scope, params, 'b', 'unit_id');
    return this.db.query(
      `SELECT b.route, b.state, count(*)::int AS batches, coalesce(sum(b.card_count), 0)::int AS cards
       FROM batch b WHERE true${and(where)} GROUP BY b.route, b.state ORDER BY b.route, b.state`,
      params,
    );
  }

  /** Pickup deadlines of batches still awaiting pickup, with how much waits on each. */
  async pickupDeadlines(
    scope: Scope,
  ): Promise<{ deadline: string; units: number; batches: number; cards: number }[]> {
    const params: unknown[] = [];
    const where = scoped(scope, params, 'b', 'unit_id');
    return this.db.query(
      `SELECT b.pickup_deadline::text AS deadline, count(DISTINCT b.unit_id)::int AS units,
              count(*)::int AS batches, coalesce(sum(b.card_count), 0)::int AS cards
       FROM batch b WHERE b.state = 'awaiting_pickup' AND b.pickup_deadline IS NOT NULL${and(where)}
       GROUP BY b.pickup_deadline ORDER BY b.pickup_deadline`,
      params,
    );
  }

  async pickupsDue(scope: Scope, limit: number): Promise<PickupDueRow[]> {
    const params: unknown[] = [];
    const where = scoped(scope, params, 'b', 'unit_id');
    return this.db.query(
      `SELECT b.id AS "batchId", b.number, u.id AS "unitId", u.name AS "unitName",
              b.pickup_deadline::text AS deadline, b.card_count AS "cardCount"
       FROM batch b JOIN unit u ON u.id = b.unit_id
       WHERE b.state = 'awaiting_pickup' AND b.pickup_deadline IS NOT NULL${and(where)}
       ORDER BY b.pickup_deadline, b.number LIMIT $${params.push(limit)}`,
      params,
    );
  }

  async returnsReceived(scope: Scope): Promise<{ returns: number; cards: number }> {
    const params: unknown[] = [];
    const where = scoped(scope, params, 'b', 'unit_id');
    const [row] = await this.db.query<{ returns: number; cards: number }>(
      `SELECT count(*)::int AS returns, coalesce(sum(r.card_count), 0)::int AS cards
       FROM card_return r JOIN batch b ON b.id = r.batch_id WHERE true${and(where)}`,
      params,
    );
    return row ?? { returns: 0, cards: 0 };
  }

  // at_unit is written on the card at handover, so `card` and card_current agree on it: these
  // read the table, which lets the index on state work.
  async unitsHoldingCards(scope: Scope): Promise<number> {
    const params: unknown[] = [];
    const where = scoped(scope, params, 'c', 'made_for_unit_id');
    const [row] = await this.db.query<{ units: number }>(
      `SELECT count(DISTINCT c.made_for_unit_id)::int AS units FROM card c
       WHERE c.state = 'at_unit'${and(where)}`,
      params,
    );
    return row?.units ?? 0;
  }

  /** N-2.2b: per unit, its batches awaiting pickup whose deadline is one of `deadlines`. */
  async overduePickups(
    scope: Scope,
    deadlines: string[],
    q: OverdueQuery,
  ): Promise<{ rows: OverdueUnitRow[]; total: number }> {
    const params: unknown[] = [deadlines];
    const where = [
      "b.state = 'awaiting_pickup'",
      'b.pickup_deadline = ANY($1::date[])',
      ...scoped(scope, params, 'b', 'unit_id'),
    ].join(' AND ');
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(DISTINCT b.unit_id)::int AS total FROM batch b WHERE ${where}`,
      params,
    );
    const rows = await this.db.query<OverdueUnitRow>(
      `SELECT u.id AS "unitId", u.name AS "unitName", u.registration_code AS "registrationCode",
              min(b.pickup_deadline)::text AS deadline, sum(b.card_count)::int AS "cardCount",
              json_agg(json_build_object('id', b.id, 'number', b.number,
                'deadline', b.pickup_deadline::text, 'cardCount', b.card_count)
                ORDER BY b.pickup_deadline, b.number) AS batches
       FROM batch b JOIN unit u ON u.id = b.unit_id WHERE ${where}
       GROUP BY u.id ORDER BY ${OVERDUE_SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, u.id
       LIMIT $${params.push(q.pageSize)} OFFSET $${params.push((q.page - 1) * q.pageSize)}`,
      params,
    );
    return { rows, total: count?.total ?? 0 };
  }

  /** N-2.4b: per unit, the cards it still holds (state at_unit). */
  async unitsHoldingCardsPage(
    scope: Scope,
    q: OverdueQuery,
  ): Promise<{ rows: OverdueUnitRow[]; total: number }> {
    const params: unknown[] = [];
    const where = ["c.state = 'at_unit'", ...scoped(scope, params, 'c', 'made_for_unit_id')].join(
      ' AND ',
    );
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(DISTINCT c.made_for_unit_id)::int AS total FROM card c WHERE ${where}`,
      params,
    );
    const sort = q.sort === 'cardCount' ? '"cardCount"' : 'u.name';
    const rows = await this.db.query<OverdueUnitRow>(
      `SELECT u.id AS "unitId", u.name AS "unitName", u.registration_code AS "registrationCode",
              NULL AS deadline, count(*)::int AS "cardCount", '[]'::json AS batches
       FROM card c JOIN unit u ON u.id = c.made_for_unit_id WHERE ${where}
       GROUP BY u.id ORDER BY ${sort} ${q.order === 'desc' ? 'DESC' : 'ASC'}, u.id
       LIMIT $${params.push(q.pageSize)} OFFSET $${params.push((q.page - 1) * q.pageSize)}`,
      params,
    );
    return { rows, total: count?.total ?? 0 };
  }
}
