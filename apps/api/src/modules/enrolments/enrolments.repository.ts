import { Injectable } from '@nestjs/common';
import type { Category, SubsidyFlag } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { searchSql } from '../residents/residents.repository.js';
import type { EnrolmentListQuery, PaymentView } from './enrolments.dto.js';

export interface EnrolmentRow {
  id: string;
  residentId: string;
  residentName: string;
  /** Full number; masked by the service. */
  idNumber: string;
  districtId: string;
  unitId: string;
  unitName: string;
  policyYear: number;
  category: Category;
  enrolledOn: string;
  paymentMethod: string;
  depositAccount: string | null;
  feeYuan: number;
  exempt: boolean;
  requiredDepositYuan: number | null;
  januaryCover: boolean;
  payment: PaymentView | null;
  createdAt: string;
}

/** What an enrolment is created with: the row's own columns, nothing derived from joins. */
export type NewEnrolment = Pick<
  EnrolmentRow,
  | 'districtId'
  | 'residentId'
  | 'unitId'
  | 'policyYear'
  | 'category'
  | 'enrolledOn'
  | 'paymentMethod'
  | 'depositAccount'
  | 'feeYuan'
  | 'exempt'
  | 'requiredDepositYuan'
  | 'januaryCover'
>;

const SORT: Record<EnrolmentListQuery['sort'], string> = {
  enrolledOn: 'e.enrolled_on',
  createdAt: 'e.created_at',
  name: 'r.name',
};

const FROM = `FROM enrolment e JOIN resident r ON r.id = e.resident_id JOIN unit u ON u.id = e.unit_id
  LEFT JOIN payment p ON p.enrolment_id = e.id`;

const SELECT = `SELECT e.id, e.resident_id AS "residentId", r.name AS "residentName", r.id_number AS "idNumber",
  e.district_id AS "districtId", e.unit_id AS "unitId", u.name AS "unitName", e.policy_year AS "policyYear",
  e.category, to_char(e.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn", e.payment_method AS "paymentMethod",
  e.deposit_account AS "depositAccount", e.fee_yuan AS "feeYuan", e.exempt,
  e.required_deposit_yuan AS "requiredDepositYuan", e.january_cover AS "januaryCover", e.created_at AS "createdAt",
  CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'amountYuan', p.amount_yuan,
    'paidOn', to_char(p.paid_on, 'YYYY-MM-DD'), 'method', p.method, 'channel', p.channel,
    'withholdingRound', p.withholding_round) END AS payment
  ${FROM}`;

/** Enrolments belong to the unit that enrolled the person (and its sub-units) or the district. */
function scopeWhere(scope: Scope, params: unknown[]): string[] {
  if (scope.unitId)
    return [
      `e.unit_id IN (SELECT su.id FROM unit su WHERE su.id = $${params.push(scope.unitId)} OR su.parent_unit_id = $${params.length})`,
    ];
  if (scope.districtId) return [`e.district_id = $${params.push(scope.districtId)}`];
  return [];
}

@Injectable()
export class EnrolmentsRepository {
  constructor(private readonly db: DatabaseContext) {}

  async list(
    scope: Scope,
    q: EnrolmentListQuery,
  ): Promise<{ rows: EnrolmentRow[]; total: number }> {
    const params: unknown[] = [];
    const where = scopeWhere(scope, params);
    if (q.policyYear !== undefined) where.push(`e.policy_year = $${params.push(q.policyYear)}`);
    if (q.unitId) where.push(`e.unit_id = $${params.push(q.unitId)}`);
    if (q.paid !== undefined) where.push(q.paid ? 'p.id IS NOT NULL' : 'p.id IS NULL');
    if (q.search) where.push(searchSql(q.search, params));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total ${FROM} ${clause}`,
      params,
    );
    const rows = await this.db.query<EnrolmentRow>(
      `${SELECT} ${clause} ORDER BY ${SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, e.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }

  /** One enrolment in scope; `lock` holds it (and so its payment slot) for the transaction. */
  async find(scope: Scope, id: string, lock = false): Promise<EnrolmentRow | undefined> {
    const params: unknown[] = [id];
    const where = ['e.id = $1', ...scopeWhere(scope, params)];
    const [row] = await this.db.query<EnrolmentRow>(
      `${SELECT} WHERE ${where.join(' AND ')}${lock ? ' FOR UPDATE OF e' : ''}`,
      params,
    );
    return row;
  }

  async enrolledFor(residentId: string, policyYear: number): Promise<boolean> {
    const rows = await this.db.query(
      'SELECT 1 FROM enrolment WHERE resident_id = $1 AND policy_year = $2',
      [residentId, policyYear],
    );
    return rows.length > 0;
  }

  /** N-1.4a: the flags whose verification for this very year was passed. */
  async passedFlags(residentId: string, policyYear: number): Promise<SubsidyFlag[]> {
    const rows = await this.db.query<{ flag: SubsidyFlag }>(
      `SELECT flag FROM subsidy_verification WHERE resident_id = $1 AND policy_year = $2 AND passed
       ORDER BY verified_on, flag`,
      [residentId, policyYear],
    );
    return rows.map((r) => r.flag);
  }

  async insert(e: NewEnrolment): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO enrolment (district_id, resident_id, unit_id, policy_year, category, enrolled_on, payment_method,
         deposit_account, fee_yuan, exempt, required_deposit_yuan, january_cover)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        e.districtId,
        e.residentId,
        e.unitId,
        e.policyYear,
        e.category,
        e.enrolledOn,
        e.paymentMethod,
        e.depositAccount,
        e.feeYuan,
        e.exempt,
        e.requiredDepositYuan,
        e.januaryCover,
      ],
    );
    if (!row) throw new Error('enrolment insert returned no row');
    return row.id;
  }

  async insertPayment(p: {
    districtId: string;
    enrolmentId: string;
    amountYuan: number;
    paidOn: string;
    method: string;
    channel: string | null;
    withholdingRound: number | null;
    recordedBy: string;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO payment (district_id, enrolment_id, amount_yuan, paid_on, method, channel, withholding_round, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        p.districtId,
        p.enrolmentId,
        p.amountYuan,
        p.paidOn,
        p.method,
        p.channel,
        p.withholdingRound,
        p.recordedBy,
      ],
    );
    if (!row) throw new Error('payment insert returned no row');
    return row.id;
  }

  async setJanuaryCover(enrolmentId: string, januaryCover: boolean): Promise<void> {
    await this.db.query('UPDATE enrolment SET january_cover = $2 WHERE id = $1', [
      enrolmentId,
      januaryCover,
    ]);
  }
}
