import { Injectable } from '@nestjs/common';
import type { Scope } from '../../common/auth/actor.js';
import { likePattern } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { MovedAwayQuery } from './moved-away.dto.js';

export interface MovedAwayRow {
  cardId: string;
  cardNumber: string | null;
  holderName: string;
  /** The full number: the service masks it before anything leaves the API. */
  idNumber: string;
  className: string | null;
  batchNumber: string | null;
  heldById: string;
  heldByName: string;
  movedToId: string;
  movedToName: string;
  designatedPersonName: string | null;
  designatedPersonPhone: string | null;
}

const SORT: Record<MovedAwayQuery['sort'], string> = {
  className: 'r.class_name',
  holderName: 'r.name',
  cardNumber: 'c.card_number',
};

/**
 * At-unit cards are always written to `card` (only in_batch / awaiting_pickup are derived by
 * card_current), so the list reads the table through ix_card_unit_state.
 */
const FROM = `FROM card c JOIN resident r ON r.id = c.resident_id
  JOIN unit mu ON mu.id = c.made_for_unit_id
  JOIN unit nu ON nu.id = r.current_unit_id
  LEFT JOIN batch b ON b.id = c.batch_id`;

/** N-2.4b: children who changed school; their unsigned cards wait at the original unit. */
@Injectable()
export class MovedAwayRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** A unit the caller may ask about (district staff: their district; unit staff: their unit). */
  async unitInScope(
    scope: Scope,
    unitId: string,
  ): Promise<{ id: string; name: string } | undefined> {
    const params: unknown[] = [unitId];
    const where = ['u.id = $1'];
    if (scope.districtId) where.push(`u.district_id = $${params.push(scope.districtId)}`);
    if (scope.unitId) where.push(`u.id = $${params.push(scope.unitId)}`);
    const [row] = await this.db.query<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM unit u WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  /** `scope.unitId` is the unit holding the cards (checked by unitInScope first). */
  async list(scope: Scope, q: MovedAwayQuery): Promise<{ rows: MovedAwayRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [`c.state = 'at_unit'`, 'r.current_unit_id <> c.made_for_unit_id'];
    if (scope.districtId) where.push(`c.district_id = $${params.push(scope.districtId)}`);
    if (scope.unitId) where.push(`c.made_for_unit_id = $${params.push(scope.unitId)}`);
    if (q.search) {
      const like = `$${params.push(likePattern(q.search))}`;
      where.push(
        `(r.name ILIKE ${like} OR c.card_number ILIKE ${like} OR r.class_name ILIKE ${like})`,
      );
    }
    const clause = `WHERE ${where.join(' AND ')}`;
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM card c JOIN resident r ON r.id = c.resident_id ${clause}`,
      params,
    );
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    const rows = await this.db.query<MovedAwayRow>(
      `SELECT c.id AS "cardId", c.card_number AS "cardNumber", r.name AS "holderName",
         r.id_number AS "idNumber", r.class_name AS "className", b.number AS "batchNumber",
         mu.id AS "heldById", mu.name AS "heldByName", nu.id AS "movedToId", nu.name AS "movedToName",
         nu.designated_person_name AS "designatedPersonName",
         nu.designated_person_phone AS "designatedPersonPhone"
       ${FROM} ${clause}
       ORDER BY ${SORT[q.sort]} ${order} NULLS LAST, r.name, c.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }
}
