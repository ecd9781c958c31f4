import { Injectable } from '@nestjs/common';
import type { Scope } from '../../common/auth/actor.js';
import { likePattern } from '../../common/validation/paging.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { UnitListQuery } from './units.dto.js';

export interface UnitRow {
  id: string;
  districtId: string;
  parentUnitId: string | null;
  name: string;
  kind: string;
  registrationCode: string;
  designatedPersonName: string | null;
  designatedPersonPhone: string | null;
  eligibleCount: number;
}

const SORT: Record<UnitListQuery['sort'], string> = {
  name: 'u.name',
  eligibleCount: '"eligibleCount"',
  registrationCode: 'u.registration_code',
};

// N-2.2a: card-eligible people of a unit = the cards made for it (not the data-problem ones).
const SELECT = `SELECT u.id, u.district_id AS "districtId", u.parent_unit_id AS "parentUnitId", u.name, u.kind,
  u.registration_code AS "registrationCode", u.designated_person_name AS "designatedPersonName",
  u.designated_person_phone AS "designatedPersonPhone",
  (SELECT count(*)::int FROM card c WHERE c.made_for_unit_id = u.id AND c.state <> 'not_made_data_problem') AS "eligibleCount"
  FROM unit u`;

function scopeWhere(scope: Scope, params: unknown[]): string[] {
  const where: string[] = [];
  if (scope.districtId) where.push(`u.district_id = $${params.push(scope.districtId)}`);
  if (scope.unitId)
    where.push(`(u.id = $${params.push(scope.unitId)} OR u.parent_unit_id = $${params.length})`);
  return where;
}

@Injectable()
export class UnitsRepository {
  constructor(private readonly db: DatabaseContext) {}

  async list(scope: Scope, q: UnitListQuery): Promise<{ rows: UnitRow[]; total: number }> {
    const params: unknown[] = [];
    const where = scopeWhere(scope, params);
    if (q.districtId) where.push(`u.district_id = $${params.push(q.districtId)}`);
    if (q.kind) where.push(`u.kind = $${params.push(q.kind)}`);
    if (q.search)
      where.push(
        `(u.name ILIKE $${params.push(likePattern(q.search))} OR u.registration_code ILIKE $${params.length})`,
      );
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM unit u ${clause}`,
      params,
    );
    const rows = await this.db.query<UnitRow>(
      `${SELECT} ${clause} ORDER BY ${SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, u.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }

  async find(scope: Scope, id: string): Promise<UnitRow | undefined> {
    const params: unknown[] = [id];
    const where = ['u.id = $1', ...scopeWhere(scope, params)];
    const [row] = await this.db.query<UnitRow>(`${SELECT} WHERE ${where.join(' AND ')}`, params);
    return row;
  }

  async codeTaken(registrationCode: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM unit WHERE registration_code = $1', [
      registrationCode,
    ]);
    return rows.length > 0;
  }

  async insert(unit: {
    districtId: string;
    name: string;
    kind: string;
    registrationCode: string;
    designatedPersonName: string | null;
    designatedPersonPhone: string | null;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO unit (district_id, name, kind, registration_code, designated_person_name, designated_person_phone)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        unit.districtId,
        unit.name,
        unit.kind,
        unit.registrationCode,
        unit.designatedPersonName,
        unit.designatedPersonPhone,
      ],
    );
    if (!row) throw new Error('unit insert returned no row');
    return row.id;
  }

  async setDesignatedPerson(id: string, name: string, phone: string): Promise<void> {
    await this.db.query(
      'UPDATE unit SET designated_person_name = $2, designated_person_phone = $3 WHERE id = $1',
      [id, name, phone],
    );
  }
}
