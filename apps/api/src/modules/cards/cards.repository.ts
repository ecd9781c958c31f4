import { Injectable } from '@nestjs/common';
import type { CardState } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { likePattern } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import type {
  CardClassesQuery,
  CardClassView,
  CardHistoryEntry,
  CardListQuery,
} from './cards.dto.js';

export interface CardRow {
  id: string;
  districtId: string;
  cardNumber: string | null;
  state: CardState;
  problem: string | null;
  batchId: string | null;
  batchNumber: string | null;
  holderName: string;
  idNumber: string;
  className: string | null;
  madeForUnitId: string;
  madeForUnitName: string;
  currentUnitId: string | null;
  currentUnitName: string | null;
  signerKind: string | null;
  signerName: string | null;
  signedOn: string | null;
  updatedAt: string;
}

// card_current: a card of an open batch shows that batch and state before it is written.
const FROM = `FROM card_current c JOIN resident r ON r.id = c.resident_id
  JOIN unit mu ON mu.id = c.made_for_unit_id
  LEFT JOIN unit cu ON cu.id = r.current_unit_id
  LEFT JOIN batch b ON b.id = c.batch_id
  LEFT JOIN signature s ON s.card_id = c.id`;

const SELECT = `SELECT c.id, c.district_id AS "districtId", c.card_number AS "cardNumber", c.state, c.problem,
  c.batch_id AS "batchId", b.number AS "batchNumber", r.name AS "holderName", r.id_number AS "idNumber",
  r.class_name AS "className", mu.id AS "madeForUnitId", mu.name AS "madeForUnitName", cu.id AS "currentUnitId", cu.name AS "currentUnitName",
  s.signer_kind AS "signerKind", s.signer_name AS "signerName", s.signed_on::text AS "signedOn",
  c.updated_at AS "updatedAt" ${FROM}`;

const SORT: Record<CardListQuery['sort'], string> = {
  holderName: 'r.name',
  state: 'c.state',
  updatedAt: 'c.updated_at',
};

/** District staff see their district's cards; unit staff the cards made for their unit. */
function scopeWhere(scope: Scope, params: unknown[]): string[] {
  const where: string[] = [];
  if (scope.districtId) where.push(`c.district_id = $${params.push(scope.districtId)}`);
  if (scope.unitId) where.push(`c.made_for_unit_id = $${params.push(scope.unitId)}`);
  return where;
}

/** The scope plus the list's state, unit and batch filters. */
function filterWhere(scope: Scope, q: CardClassesQuery, params: unknown[]): string[] {
  const where = scopeWhere(scope, params);
  if (q.state) where.push(`c.state = $${params.push(q.state)}`);
  if (q.unitId) where.push(`c.made_for_unit_id = $${params.push(q.unitId)}`);
  // Same rows as c.batch_id = $n, but found through the batch (unit + intake range).
  if (q.batchId)
    where.push(`c.id IN (SELECT bc.id FROM batch_cards($${params.push(q.batchId)}::uuid) bc)`);
  return where;
}

@Injectable()
export class CardsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** `idNumber` is the search text normalised: an ID number matches only in full (privacy). */
  async list(
    scope: Scope,
    q: CardListQuery,
    idNumber: string | undefined,
  ): Promise<{ rows: CardRow[]; total: number }> {
    const params: unknown[] = [];
    const where = filterWhere(scope, q, params);
    if (q.className) where.push(`r.class_name = $${params.push(q.className)}`);
    if (q.search) {
      const like = `$${params.push(likePattern(q.search))}`;
      const id = `$${params.push(idNumber ?? '')}`;
      where.push(
        `(r.name ILIKE ${like} OR c.card_number ILIKE ${like} OR r.class_name ILIKE ${like} OR r.id_number = ${id})`,
      );
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM card_current c JOIN resident r ON r.id = c.resident_id ${clause}`,
      params,
    );
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    const rows = await this.db.query<CardRow>(
      `${SELECT} ${clause} ORDER BY ${SORT[q.sort]} ${order}, c.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }

  /** N-2.3: the distinct classes of the matching cards' holders, with their card counts. */
  classes(scope: Scope, q: CardClassesQuery): Promise<CardClassView[]> {
    const params: unknown[] = [];
    const where = [...filterWhere(scope, q, params), 'r.class_name IS NOT NULL'];
    return this.db.query<CardClassView>(
      `SELECT r.class_name AS "className", count(*)::int AS cards
       FROM card_current c JOIN resident r ON r.id = c.resident_id
       WHERE ${where.join(' AND ')} GROUP BY r.class_name ORDER BY r.class_name LIMIT 500`,
      params,
    );
  }

  async find(scope: Scope, id: string): Promise<CardRow | undefined> {
    const params: unknown[] = [id];
    const where = ['c.id = $1', ...scopeWhere(scope, params)];
    const [row] = await this.db.query<CardRow>(`${SELECT} WHERE ${where.join(' AND ')}`, params);
    return row;
  }

  /** The card's own audit entries and those of its batch (dispatch, delivery, pickup). */
  async history(cardId: string, batchId: string | null): Promise<CardHistoryEntry[]> {
    return this.db.query(
      `SELECT at, actor_role AS "actorRole", entity, action, before, after FROM audit_log
       WHERE (entity = 'card' AND entity_id = $1) OR (entity = 'batch' AND entity_id = $2::text)
       ORDER BY id LIMIT 500`,
      [cardId, batchId],
    );
  }
}
