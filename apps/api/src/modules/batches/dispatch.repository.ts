import { Injectable } from '@nestjs/common';
import type { BatchRoute, BatchState } from '@sscard/rules';
import { DatabaseContext } from '../../database/database-context.js';

/** A unit's made, unbatched cards, counted in SQL (N-2.2a: the card-eligible people). */
export interface UnitCardCount {
  unitId: string;
  unitName: string;
  registrationCode: string;
  cardCount: number;
  /** The highest intake number among them (the dispatch's intake_upto is the maximum). */
  lastIntake: string;
}

/** One batch of the dispatch, decided in TS from the aggregated row by the rules. */
export interface BatchPlan {
  unitId: string;
  number: string;
  route: BatchRoute;
  cardCount: number;
  batchState: BatchState;
  pickupPlace: string | null;
  pickupDeadline: string | null;
}

export interface InsertedBatch {
  id: string;
  unitId: string;
  number: string;
  route: BatchRoute;
  state: BatchState;
  cardCount: number;
}

/**
 * The set-based dispatch: a constant number of statements whatever the number of units or
 * cards — one aggregate, one INSERT of all batches from unnest, one INSERT of all notices. No
 * card row is written: the dispatch records the intake range it takes (see the migration
 * 1732400000000-dispatch-snapshot), and the cards are written when their batch reaches the unit.
 */
@Injectable()
export class DispatchRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Serialises dispatches of one district (batch numbering, the cards they take). NO KEY UPDATE
   * does not conflict with the KEY SHARE locks of foreign-key checks, so the district's other
   * work (enrolments, signatures, ...) goes on during a long dispatch.
   */
  async lockDistrict(districtId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT id FROM district WHERE id = $1 FOR NO KEY UPDATE', [
      districtId,
    ]);
    return rows.length === 1;
  }

  /**
   * The first intake number this dispatch may take: everything up to the district's last
   * dispatch's intake_upto was taken by it (or an earlier one).
   */
  async nextIntakeFrom(districtId: string): Promise<string> {
    const [row] = await this.db.query<{ from: string }>(
      `SELECT (coalesce(max(intake_upto), 0) + 1)::text AS "from" FROM dispatch WHERE district_id = $1`,
      [districtId],
    );
    return row?.from ?? '1';
  }

  /**
   * The district's made, unbatched cards from `intakeFrom` on, per unit, with the highest intake
   * number. With the district locked no intake is in flight, so these are exactly the cards the
   * dispatch takes: [intakeFrom, max of lastIntake].
   */
  async madeCardsByUnit(districtId: string, intakeFrom: string): Promise<UnitCardCount[]> {
    return this.db.query(
      `SELECT u.id AS "unitId", u.name AS "unitName", u.registration_code AS "registrationCode",
              g.card_count AS "cardCount", g.last_intake::text AS "lastIntake"
       FROM (SELECT made_for_unit_id, count(*)::int AS card_count, max(intake_no) AS last_intake FROM card
             WHERE district_id = $1 AND state = 'made' AND batch_id IS NULL AND intake_no >= $2::bigint
             GROUP BY made_for_unit_id) g
       JOIN unit u ON u.id = g.made_for_unit_id
       ORDER BY u.registration_code`,
      [districtId, intakeFrom],
    );
  }

  /** The highest sequence used today in this district's batch numbers (DDDDDD-YYYYMMDD-NNNN). */
  async lastBatchSequence(prefix: string): Promise<number> {
    const [row] = await this.db.query<{ last: number }>(
      `SELECT coalesce(max(split_part(number, '-', 3)::int), 0)::int AS last
       FROM batch WHERE number LIKE $1`,
      [`${prefix}%`],
    );
    return row?.last ?? 0;
  }

  async insertDispatch(d: {
    districtId: string;
    pickupPlace: string;
    pickupDeadline: string;
    batchCount: number;
    cardCount: number;
    intakeFrom: string;
    intakeUpto: string;
    createdBy: string;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO dispatch (district_id, pickup_place, pickup_deadline, batch_count, card_count,
                             intake_from, intake_upto, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        d.districtId,
        d.pickupPlace,
        d.pickupDeadline,
        d.batchCount,
        d.cardCount,
        d.intakeFrom,
        d.intakeUpto,
        d.createdBy,
      ],
    );
    if (!row) throw new Error('dispatch insert returned no row');
    return row.id;
  }

  async insertBatches(
    districtId: string,
    dispatchId: string,
    plans: BatchPlan[],
  ): Promise<InsertedBatch[]> {
    return this.db.query(
      `INSERT INTO batch (district_id, dispatch_id, unit_id, number, route, eligible_count, card_count,
                          state, pickup_place, pickup_deadline)
       SELECT $1, $2, p.unit_id, p.number, p.route, p.card_count, p.card_count, p.state, p.place, p.deadline
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::date[])
         AS p(unit_id, number, route, card_count, state, place, deadline)
       RETURNING id, unit_id AS "unitId", number, route, state, card_count AS "cardCount"`,
      [
        districtId,
        dispatchId,
        plans.map((p) => p.unitId),
        plans.map((p) => p.number),
        plans.map((p) => p.route),
        plans.map((p) => p.cardCount),
        plans.map((p) => p.batchState),
        plans.map((p) => p.pickupPlace),
        plans.map((p) => p.pickupDeadline),
      ],
    );
  }

  async insertNotices(
    districtId: string,
    notices: { batchId: string; unitId: string; kind: string; body: unknown }[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO notice (district_id, unit_id, batch_id, kind, body)
       SELECT $1, n.unit_id, n.batch_id, n.kind, n.body
       FROM jsonb_to_recordset($2::jsonb) AS n(unit_id uuid, batch_id uuid, kind text, body jsonb)`,
      [
        districtId,
        JSON.stringify(
          notices.map((n) => ({
            unit_id: n.unitId,
            batch_id: n.batchId,
            kind: n.kind,
            body: n.body,
          })),
        ),
      ],
    );
  }
}
