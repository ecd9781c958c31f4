import { Injectable } from '@nestjs/common';
import type { BatchRoute, BatchState, CardState } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { likePattern } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { BatchListQuery, NoticeListQuery, NoticeView, PickupView } from './batches.dto.js';

export interface BatchRow {
  id: string;
  districtId: string;
  dispatchId: string;
  number: string;
  route: BatchRoute;
  state: BatchState;
  eligibleCount: number;
  cardCount: number;
  receiverName: string | null;
  receiverPhone: string | null;
  pickupPlace: string | null;
  pickupDeadline: string | null;
  deliveredTo: 'unit' | 'district_centre' | null;
  createdAt: string;
  unitId: string;
  unitName: string;
  unitRegistrationCode: string;
}

export interface ManifestCardRow {
  cardNumber: string | null;
  holderName: string;
  idNumber: string;
  state: CardState;
}

const SELECT = `SELECT b.id, b.district_id AS "districtId", b.dispatch_id AS "dispatchId", b.number, b.route, b.state,
  b.eligible_count AS "eligibleCount", b.card_count AS "cardCount", b.receiver_name AS "receiverName",
  b.receiver_phone AS "receiverPhone", b.pickup_place AS "pickupPlace", b.pickup_deadline::text AS "pickupDeadline",
  b.delivered_to AS "deliveredTo", b.created_at AS "createdAt",
  u.id AS "unitId", u.name AS "unitName", u.registration_code AS "unitRegistrationCode"
  FROM batch b JOIN unit u ON u.id = b.unit_id`;

const SORT: Record<BatchListQuery['sort'], string> = {
  number: 'b.number',
  createdAt: 'b.created_at',
  cardCount: 'b.card_count',
};

/** Scope in SQL: district staff their district, unit staff their unit's batches. */
function scopeWhere(scope: Scope, params: unknown[], alias: string): string[] {
  const where: string[] = [];
  if (scope.districtId) where.push(`${alias}.district_id = $${params.push(scope.districtId)}`);
  if (scope.unitId) where.push(`${alias}.unit_id = $${params.push(scope.unitId)}`);
  return where;
}

const page = (q: { page: number; pageSize: number }, params: unknown[]) =>
  `LIMIT $${params.push(q.pageSize)} OFFSET $${params.push((q.page - 1) * q.pageSize)}`;

// UPDATE ... RETURNING sits in a CTE: TypeORM returns [rows, count] for a bare UPDATE.
@Injectable()
export class BatchesRepository {
  constructor(private readonly db: DatabaseContext) {}

  async list(scope: Scope, q: BatchListQuery): Promise<{ rows: BatchRow[]; total: number }> {
    const params: unknown[] = [];
    const where = scopeWhere(scope, params, 'b');
    if (q.route) where.push(`b.route = $${params.push(q.route)}`);
    if (q.state) where.push(`b.state = $${params.push(q.state)}`);
    if (q.unitId) where.push(`b.unit_id = $${params.push(q.unitId)}`);
    if (q.dispatchId) where.push(`b.dispatch_id = $${params.push(q.dispatchId)}`);
    if (q.search)
      where.push(
        `(b.number ILIKE $${params.push(likePattern(q.search))} OR u.name ILIKE $${params.length})`,
      );
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM batch b JOIN unit u ON u.id = b.unit_id ${clause}`,
      params,
    );
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    const rows = await this.db.query<BatchRow>(
      `${SELECT} ${clause} ORDER BY ${SORT[q.sort]} ${order}, b.number ${page(q, params)}`,
      params,
    );
    return { rows, total: count?.total ?? 0 };
  }

  /** One batch in scope; `lock` takes the row lock a state change needs. */
  async find(scope: Scope, id: string, lock = false): Promise<BatchRow | undefined> {
    const params: unknown[] = [id];
    const where = ['b.id = $1', ...scopeWhere(scope, params, 'b')];
    const [row] = await this.db.query<BatchRow>(
      `${SELECT} WHERE ${where.join(' AND ')}${lock ? ' FOR UPDATE OF b' : ''}`,
      params,
    );
    return row;
  }

  /** batch_cards(): the batch's cards with their effective state, found by unit + intake range. */
  async cardsByState(batchId: string): Promise<{ state: CardState; count: number }[]> {
    return this.db.query(
      'SELECT state, count(*)::int AS count FROM batch_cards($1) GROUP BY state ORDER BY state',
      [batchId],
    );
  }

  async pickupOf(batchId: string): Promise<PickupView | undefined> {
    const [row] = await this.db.query<PickupView>(
      `SELECT credential_kind AS "credentialKind", credential_code AS "credentialCode",
              collector_name AS "collectorName", picked_up_on::text AS "pickedUpOn", recorded_at AS "recordedAt"
       FROM pickup WHERE batch_id = $1`,
      [batchId],
    );
    return row;
  }

  async notices(scope: Scope, q: NoticeListQuery): Promise<{ rows: NoticeView[]; total: number }> {
    const params: unknown[] = [];
    const where = scopeWhere(scope, params, 'n');
    if (q.kind) where.push(`n.kind = $${params.push(q.kind)}`);
    if (q.batchId) where.push(`n.batch_id = $${params.push(q.batchId)}`);
    if (q.unitId) where.push(`n.unit_id = $${params.push(q.unitId)}`);
    if (q.search)
      where.push(
        `(b.number ILIKE $${params.push(likePattern(q.search))} OR u.name ILIKE $${params.length})`,
      );
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = 'FROM notice n JOIN batch b ON b.id = n.batch_id JOIN unit u ON u.id = n.unit_id';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total ${from} ${clause}`,
      params,
    );
    const rows = await this.db.query<NoticeView>(
      `SELECT n.id, n.kind, n.batch_id AS "batchId", b.number AS "batchNumber",
              json_build_object('id', u.id, 'name', u.name) AS unit, n.body, n.created_at AS "createdAt"
       ${from} ${clause} ORDER BY n.created_at ${q.order === 'asc' ? 'ASC' : 'DESC'}, b.number
       ${page(q, params)}`,
      params,
    );
    return { rows, total: count?.total ?? 0 };
  }

  async manifestCards(batchId: string): Promise<ManifestCardRow[]> {
    return this.db.query(
      `SELECT c.card_number AS "cardNumber", r.name AS "holderName", r.id_number AS "idNumber", c.state
       FROM batch_cards($1) c JOIN resident r ON r.id = c.resident_id
       ORDER BY c.card_number, c.id`,
      [batchId],
    );
  }

  /** N-2.2a: guarded — only while the batch still waits for its delivery. */
  async setReceiver(id: string, name: string, phone: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH changed AS (
         UPDATE batch SET receiver_name = $2, receiver_phone = $3, state = 'awaiting_delivery'
         WHERE id = $1 AND state IN ('awaiting_receiver', 'awaiting_delivery') RETURNING id)
       SELECT id FROM changed`,
      [id, name, phone],
    );
    return rows.length === 1;
  }

  /**
   * The batch reaches the unit: its member cards — still made and unbatched, in the unit's
   * intake range of the batch's dispatch — are written once, into the batch in state `to`.
   * Returns how many moved; the caller compares with the batch's card_count.
   */
  async moveMembersToUnit(batchId: string, to: CardState): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      `WITH moved AS (
         UPDATE card c SET state = $2, batch_id = b.id, updated_at = now()
         FROM batch b JOIN dispatch d ON d.id = b.dispatch_id
         WHERE b.id = $1 AND c.made_for_unit_id = b.unit_id AND c.state = 'made' AND c.batch_id IS NULL
           AND c.intake_no BETWEEN d.intake_from AND d.intake_upto
         RETURNING 1)
       SELECT count(*)::int AS count FROM moved`,
      [batchId, to],
    );
    return row?.count ?? 0;
  }

  /** How many member cards the open batch has (made, unbatched, in its intake range). */
  async countMembers(batchId: string): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      `SELECT count(*)::int AS count
       FROM batch b JOIN dispatch d ON d.id = b.dispatch_id
       JOIN card c ON c.made_for_unit_id = b.unit_id AND c.state = 'made' AND c.batch_id IS NULL
         AND c.intake_no BETWEEN d.intake_from AND d.intake_upto
       WHERE b.id = $1`,
      [batchId],
    );
    return row?.count ?? 0;
  }

  /** Cards already written into the batch (batches dispatched before the intake ranges). */
  async moveStoredCards(batchId: string, from: CardState, to: CardState): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      `WITH moved AS (
         UPDATE card SET state = $3, updated_at = now() WHERE batch_id = $1 AND state = $2 RETURNING 1)
       SELECT count(*)::int AS count FROM moved`,
      [batchId, from, to],
    );
    return row?.count ?? 0;
  }

  /** Guarded batch state change: 0 rows means someone else changed the batch first. */
  async changeState(
    id: string,
    from: BatchState,
    to: BatchState,
    deliveredTo?: 'unit' | 'district_centre',
  ): Promise<boolean> {
    const rows = await this.db.query(
      `WITH changed AS (
         UPDATE batch SET state = $3, delivered_to = coalesce($4, delivered_to)
         WHERE id = $1 AND state = $2 RETURNING id)
       SELECT id FROM changed`,
      [id, from, to, deliveredTo ?? null],
    );
    return rows.length === 1;
  }

  /** N-2.2b: one pickup per batch (uq_pickup_batch); false when one is already recorded. */
  async insertPickup(p: {
    districtId: string;
    batchId: string;
    credentialKind: string;
    credentialCode: string;
    collectorName: string;
    pickedUpOn: string;
    recordedBy: string;
  }): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO pickup (district_id, batch_id, credential_kind, credential_code, collector_name, picked_up_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT uq_pickup_batch DO NOTHING RETURNING id`,
      [
        p.districtId,
        p.batchId,
        p.credentialKind,
        p.credentialCode,
        p.collectorName,
        p.pickedUpOn,
        p.recordedBy,
      ],
    );
    return rows.length === 1;
  }
}
