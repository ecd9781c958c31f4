import { Injectable } from '@nestjs/common';
import type { CardState, Category } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { residentScopeSql } from './resident-scope.js';

export interface YearEnrolment {
  id: string;
  category: Category;
  exempt: boolean;
  feeYuan: number;
  paidAmountYuan: number | null;
}

export interface ChangeRow {
  id: string;
  districtId: string;
  residentId: string;
  from: Category;
  to: Category;
  changedOn: string;
  syncedOn: string | null;
  cardId: string | null;
  cardState: CardState | null;
}

/**
 * N-2.5: category changes and the identity sync of the card. Guarded UPDATEs are wrapped in a
 * CTE because TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
 */
@Injectable()
export class CategoryChangeRepository {
  constructor(private readonly db: DatabaseContext) {}

  async enrolmentForYear(
    residentId: string,
    policyYear: number,
  ): Promise<YearEnrolment | undefined> {
    const [row] = await this.db.query<YearEnrolment>(
      `SELECT e.id, e.category, e.exempt, e.fee_yuan AS "feeYuan", p.amount_yuan AS "paidAmountYuan"
       FROM enrolment e LEFT JOIN payment p ON p.enrolment_id = e.id
       WHERE e.resident_id = $1 AND e.policy_year = $2`,
      [residentId, policyYear],
    );
    return row;
  }

  /** The card the person holds (or that is already in sync), locked for the transition. */
  async cardInHand(residentId: string): Promise<{ id: string; state: CardState } | undefined> {
    const [row] = await this.db.query<{ id: string; state: CardState }>(
      `SELECT id, state FROM card WHERE resident_id = $1 AND state IN ('issued', 'reissued', 'identity_sync')
       ORDER BY updated_at DESC, id LIMIT 1 FOR UPDATE`,
      [residentId],
    );
    return row;
  }

  async insert(c: {
    districtId: string;
    residentId: string;
    cardId: string | null;
    from: Category;
    to: Category;
    changedOn: string;
    recordedBy: string;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO category_change (district_id, resident_id, card_id, from_category, to_category, changed_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [c.districtId, c.residentId, c.cardId, c.from, c.to, c.changedOn, c.recordedBy],
    );
    if (!row) throw new Error('category change insert returned no row');
    return row.id;
  }

  /** Guarded: only when the category is still the one the decision was made on. */
  async updateCategory(residentId: string, from: Category, to: Category): Promise<boolean> {
    const rows = await this.db.query(
      'WITH u AS (UPDATE resident SET category = $3 WHERE id = $1 AND category = $2 RETURNING id) SELECT id FROM u',
      [residentId, from, to],
    );
    return rows.length === 1;
  }

  /** Guarded state change: 0 rows means someone moved the card first. */
  async moveCard(cardId: string, from: CardState, to: CardState): Promise<boolean> {
    const rows = await this.db.query(
      `WITH u AS (UPDATE card SET state = $3, updated_at = now() WHERE id = $1 AND state = $2 RETURNING id)
       SELECT id FROM u`,
      [cardId, from, to],
    );
    return rows.length === 1;
  }

  async find(scope: Scope, residentId: string, changeId: string): Promise<ChangeRow | undefined> {
    const params: unknown[] = [changeId, residentId];
    const where = ['cc.id = $1', 'cc.resident_id = $2', ...residentScopeSql(scope, params)];
    const [row] = await this.db.query<ChangeRow>(
      `SELECT cc.id, cc.district_id AS "districtId", cc.resident_id AS "residentId", cc.from_category AS "from",
              cc.to_category AS "to", to_char(cc.changed_on, 'YYYY-MM-DD') AS "changedOn",
              to_char(cc.synced_on, 'YYYY-MM-DD') AS "syncedOn", cc.card_id AS "cardId", c.state AS "cardState"
       FROM category_change cc JOIN resident r ON r.id = cc.resident_id LEFT JOIN card c ON c.id = cc.card_id
       WHERE ${where.join(' AND ')} FOR UPDATE OF cc`,
      params,
    );
    return row;
  }

  async markSynced(changeId: string, syncedOn: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH u AS (UPDATE category_change SET synced_on = $2 WHERE id = $1 AND synced_on IS NULL RETURNING id)
       SELECT id FROM u`,
      [changeId, syncedOn],
    );
    return rows.length === 1;
  }
}
