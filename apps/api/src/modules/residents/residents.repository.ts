import { Injectable } from '@nestjs/common';
import {
  type Category,
  type InstitutionChoice,
  normaliseIdNumber,
  type SubsidyFlag,
} from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { likePattern } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import { residentScopeSql, unitScopeSql } from './resident-scope.js';
import type { ResidentListQuery, UnitRef } from './residents.dto.js';

export interface ResidentRow {
  id: string;
  districtId: string;
  name: string;
  idKind: string;
  /** The full number: the service masks it before anything leaves the API. */
  idNumber: string;
  birthDate: string;
  category: Category;
  subsidyFlags: SubsidyFlag[];
  currentUnitId: string | null;
  currentUnitName: string | null;
  className: string | null;
  createdAt: string;
}

const SORT: Record<ResidentListQuery['sort'], string> = {
  name: 'r.name',
  birthDate: 'r.birth_date',
  createdAt: 'r.created_at',
};

export const RESIDENT_SELECT = `SELECT r.id, r.district_id AS "districtId", r.name, r.id_kind AS "idKind",
  r.id_number AS "idNumber", to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.category,
  r.subsidy_flags AS "subsidyFlags", r.current_unit_id AS "currentUnitId", cu.name AS "currentUnitName",
  r.class_name AS "className", r.created_at AS "createdAt"
  FROM resident r LEFT JOIN unit cu ON cu.id = r.current_unit_id`;

/**
 * Free-text search: the name, the full ID number (exact, after normalising), the masked form
 * as shown in lists ("110105********1234"), or just its last four characters.
 */
export function searchSql(search: string, params: unknown[], alias = 'r'): string {
  const or = [`${alias}.name ILIKE $${params.push(likePattern(search))}`];
  const n = normaliseIdNumber(search);
  if (n.includes('*')) {
    const head = n.slice(0, n.indexOf('*'));
    const tail = n.slice(n.lastIndexOf('*') + 1);
    if (head.length + tail.length >= 4) {
      or.push(
        `(char_length(${alias}.id_number) = $${params.push(n.length)}
          AND left(${alias}.id_number, $${params.push(head.length)}) = $${params.push(head)}
          AND right(${alias}.id_number, $${params.push(tail.length)}) = $${params.push(tail)})`,
      );
    }
  } else if (/^[0-9X]{4}$/.test(n)) {
    or.push(`right(${alias}.id_number, 4) = $${params.push(n)}`);
  } else if (n.length >= 8) {
    or.push(`${alias}.id_number = $${params.push(n)}`);
  }
  return `(${or.join(' OR ')})`;
}

@Injectable()
export class ResidentsRepository {
  constructor(private readonly db: DatabaseContext) {}

  async findUnit(
    scope: Scope,
    unitId: string,
  ): Promise<(UnitRef & { districtId: string }) | undefined> {
    const params: unknown[] = [unitId];
    const where = ['u.id = $1', ...unitScopeSql(scope, params)];
    const [row] = await this.db.query<UnitRef & { districtId: string }>(
      `SELECT u.id, u.name, u.district_id AS "districtId" FROM unit u WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  async idNumberTaken(idNumber: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM resident WHERE id_number = $1', [idNumber]);
    return rows.length > 0;
  }

  async insert(r: {
    districtId: string;
    idKind: string;
    idNumber: string;
    name: string;
    birthDate: string;
    category: Category;
    subsidyFlags: SubsidyFlag[];
    currentUnitId: string;
    className: string | null;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, subsidy_flags, current_unit_id, class_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9) RETURNING id`,
      [
        r.districtId,
        r.idKind,
        r.idNumber,
        r.name,
        r.birthDate,
        r.category,
        r.subsidyFlags,
        r.currentUnitId,
        r.className,
      ],
    );
    if (!row) throw new Error('resident insert returned no row');
    return row.id;
  }

  /** Replaces the choices in one set-based statement pair, keeping their order. */
  async replaceInstitutions(
    residentId: string,
    districtId: string,
    choices: readonly InstitutionChoice[],
  ): Promise<void> {
    await this.db.query('DELETE FROM designated_institution WHERE resident_id = $1', [residentId]);
    if (choices.length === 0) return;
    await this.db.query(
      `INSERT INTO designated_institution (district_id, resident_id, position, code, kind)
       SELECT $1::text, $2::uuid, c.ord, c.code, c.kind
       FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS c(code, kind, ord)`,
      [districtId, residentId, choices.map((c) => c.code), choices.map((c) => c.kind)],
    );
  }

  async list(scope: Scope, q: ResidentListQuery): Promise<{ rows: ResidentRow[]; total: number }> {
    const params: unknown[] = [];
    const where = residentScopeSql(scope, params);
    if (q.category) where.push(`r.category = $${params.push(q.category)}`);
    if (q.unitId) where.push(`r.current_unit_id = $${params.push(q.unitId)}`);
    if (q.search) where.push(searchSql(q.search, params));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM resident r ${clause}`,
      params,
    );
    const rows = await this.db.query<ResidentRow>(
      `${RESIDENT_SELECT} ${clause} ORDER BY ${SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, r.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }

  /** One resident in scope; `lock` takes the row for the rest of the transaction. */
  async find(
    scope: Scope,
    id: string,
    options: { mode?: 'read' | 'write'; lock?: boolean } = {},
  ): Promise<ResidentRow | undefined> {
    const params: unknown[] = [id];
    const where = ['r.id = $1', ...residentScopeSql(scope, params, options.mode)];
    const [row] = await this.db.query<ResidentRow>(
      `${RESIDENT_SELECT} WHERE ${where.join(' AND ')}${options.lock ? ' FOR UPDATE OF r' : ''}`,
      params,
    );
    return row;
  }

  institutions(residentId: string): Promise<InstitutionChoice[]> {
    return this.db.query<InstitutionChoice>(
      'SELECT code, kind FROM designated_institution WHERE resident_id = $1 ORDER BY position',
      [residentId],
    );
  }

  async verificationExists(residentId: string, year: number, flag: string): Promise<boolean> {
    const rows = await this.db.query(
      'SELECT 1 FROM subsidy_verification WHERE resident_id = $1 AND policy_year = $2 AND flag = $3',
      [residentId, year, flag],
    );
    return rows.length > 0;
  }

  async insertVerification(v: {
    districtId: string;
    residentId: string;
    policyYear: number;
    flag: SubsidyFlag;
    passed: boolean;
    actedBy: string;
    evidence: string;
    verifiedOn: string;
    recordedBy: string;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO subsidy_verification (district_id, resident_id, policy_year, flag, passed, acted_by, evidence, verified_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        v.districtId,
        v.residentId,
        v.policyYear,
        v.flag,
        v.passed,
        v.actedBy,
        v.evidence,
        v.verifiedOn,
        v.recordedBy,
      ],
    );
    if (!row) throw new Error('verification insert returned no row');
    return row.id;
  }

  /** N-1.4b: a passed verification puts the flag on the person (once). */
  async addSubsidyFlag(residentId: string, flag: SubsidyFlag): Promise<void> {
    await this.db.query(
      `UPDATE resident SET subsidy_flags = array_append(subsidy_flags, $2::text)
       WHERE id = $1 AND NOT ($2::text = ANY (subsidy_flags))`,
      [residentId, flag],
    );
  }

  /** N-1.6: residents of the given categories with no community health-service institution. */
  async missingCommunityInstitution(
    scope: Scope,
    categories: readonly Category[],
    q: {
      page: number;
      pageSize: number;
      search?: string;
      sort: 'name' | 'createdAt';
      order: string;
    },
  ): Promise<{ rows: (ResidentRow & { institutions: InstitutionChoice[] })[]; total: number }> {
    const params: unknown[] = [categories];
    const where = [
      'r.category = ANY ($1::text[])',
      `NOT EXISTS (SELECT 1 FROM designated_institution d WHERE d.resident_id = r.id AND d.kind = 'community_health')`,
      ...residentScopeSql(scope, params),
    ];
    if (q.search) where.push(searchSql(q.search, params));
    const clause = `WHERE ${where.join(' AND ')}`;
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM resident r ${clause}`,
      params,
    );
    const rows = await this.db.query<ResidentRow & { institutions: InstitutionChoice[] }>(
      `SELECT q.*, coalesce((SELECT json_agg(json_build_object('code', d.code, 'kind', d.kind) ORDER BY d.position)
         FROM designated_institution d WHERE d.resident_id = q.id), '[]'::json) AS institutions
       FROM (${RESIDENT_SELECT} ${clause}) q
       ORDER BY ${q.sort === 'name' ? 'q.name' : 'q."createdAt"'} ${q.order === 'desc' ? 'DESC' : 'ASC'}, q.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }
}
