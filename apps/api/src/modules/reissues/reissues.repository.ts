import { Injectable } from '@nestjs/common';
import type { CardState, IdKind } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { likePattern } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { ServicePointQuery, ServicePointView } from './reissues.dto.js';

export interface HolderCardRow {
  id: string;
  districtId: string;
  cardNumber: string | null;
  state: CardState;
  holderName: string;
  idNumber: string;
}

export interface NewReissue {
  servicePointId: string;
  applicantName: string;
  holderDocument: string;
  applicantDocument: string;
  appliedOn: string;
  recordedBy: string;
}

@Injectable()
export class ReissuesRepository {
  constructor(private readonly db: DatabaseContext) {}

  async servicePoints(
    scope: Scope,
    q: ServicePointQuery,
  ): Promise<{ rows: ServicePointView[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (scope.districtId) where.push(`district_id = $${params.push(scope.districtId)}`);
    if (q.search)
      where.push(
        `(name ILIKE $${params.push(likePattern(q.search))} OR street_office ILIKE $${params.length})`,
      );
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM service_point ${clause}`,
      params,
    );
    const rows = await this.db.query<ServicePointView>(
      `SELECT id, district_id AS "districtId", name, address, street_office AS "streetOffice"
       FROM service_point ${clause} ORDER BY name ${q.order === 'desc' ? 'DESC' : 'ASC'}, id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }

  async findServicePoint(scope: Scope, id: string): Promise<ServicePointView | undefined> {
    const params: unknown[] = [id];
    const where = ['id = $1'];
    if (scope.districtId) where.push(`district_id = $${params.push(scope.districtId)}`);
    const [row] = await this.db.query<ServicePointView>(
      `SELECT id, district_id AS "districtId", name, address, street_office AS "streetOffice"
       FROM service_point WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  /**
   * The holder's cards in the caller's district, the one in the reissue pool first (a person
   * normally has one card; a reissued card keeps its row, so pick the pooled one if any).
   */
  holderCards(scope: Scope, idKind: IdKind, idNumber: string): Promise<HolderCardRow[]> {
    const params: unknown[] = [idKind, idNumber];
    const where = ['r.id_kind = $1', 'r.id_number = $2'];
    if (scope.districtId) where.push(`c.district_id = $${params.push(scope.districtId)}`);
    return this.db.query<HolderCardRow>(
      `SELECT c.id, c.district_id AS "districtId", c.card_number AS "cardNumber", c.state,
              r.name AS "holderName", r.id_number AS "idNumber"
       FROM card_current c JOIN resident r ON r.id = c.resident_id
       WHERE ${where.join(' AND ')}
       ORDER BY (c.state = 'in_reissue_pool') DESC, c.updated_at DESC, c.id`,
      params,
    );
  }

  /** N-2.4d in one statement: in_reissue_pool → `to` only if still pooled, with the reissue row. */
  async reissue(
    cardId: string,
    to: CardState,
    r: NewReissue,
  ): Promise<{ id: string; recordedAt: Date | string } | undefined> {
    const [row] = await this.db.query<{ id: string; recordedAt: Date | string }>(
      `WITH moved AS (
         UPDATE card SET state = $2, updated_at = now()
         WHERE id = $1 AND state = 'in_reissue_pool'
         RETURNING id, district_id)
       INSERT INTO reissue (district_id, card_id, service_point_id, applicant_name, holder_document,
                            applicant_document, applied_on, recorded_by)
       SELECT district_id, id, $3, $4, $5, $6, $7, $8 FROM moved
       RETURNING id, recorded_at AS "recordedAt"`,
      [
        cardId,
        to,
        r.servicePointId,
        r.applicantName,
        r.holderDocument,
        r.applicantDocument,
        r.appliedOn,
        r.recordedBy,
      ],
    );
    return row;
  }
}
