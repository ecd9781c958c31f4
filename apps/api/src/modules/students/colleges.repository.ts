import { Injectable } from '@nestjs/common';
import type { StudentStatus } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { unitScopeSql } from '../residents/resident-scope.js';

export interface UnitRef {
  id: string;
  name: string;
  districtId: string;
  kind: string;
  parentUnitId: string | null;
}

export interface CollegeRow {
  id: string;
  districtId: string;
  universityId: string;
  universityName: string;
  name: string;
  registrationCode: string;
  studentCount: number;
}

export interface CountRow {
  collegeId: string;
  collegeName: string;
  universityId: string | null;
  universityName: string | null;
  status: StudentStatus | null;
  count: number;
  ineligible: number;
  deferred: number;
}

const COLLEGE_SELECT = `SELECT u.id, u.district_id AS "districtId", p.id AS "universityId", p.name AS "universityName",
  u.name, u.registration_code AS "registrationCode",
  (SELECT count(*)::int FROM student s WHERE s.college_unit_id = u.id) AS "studentCount"
  FROM unit u JOIN unit p ON p.id = u.parent_unit_id`;

/** Universities, their colleges (院（系）) and the per-college counts of the dashboard. */
@Injectable()
export class CollegesRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** A unit of the given kinds in the caller's scope (their own unit or one of its sub-units). */
  async findUnit(scope: Scope, id: string, kinds: readonly string[]): Promise<UnitRef | undefined> {
    const params: unknown[] = [id, kinds];
    const where = ['u.id = $1', 'u.kind = ANY ($2::text[])', ...unitScopeSql(scope, params)];
    const [row] = await this.db.query<UnitRef>(
      `SELECT u.id, u.name, u.district_id AS "districtId", u.kind, u.parent_unit_id AS "parentUnitId"
       FROM unit u WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  /** The colleges of a university that the caller sees (college staff: their own only). */
  colleges(scope: Scope, universityId: string): Promise<CollegeRow[]> {
    const params: unknown[] = [universityId];
    const where = ["u.kind = 'college'", 'u.parent_unit_id = $1', ...unitScopeSql(scope, params)];
    return this.db.query<CollegeRow>(
      `${COLLEGE_SELECT} WHERE ${where.join(' AND ')} ORDER BY u.name, u.id`,
      params,
    );
  }

  async college(id: string): Promise<CollegeRow | undefined> {
    const [row] = await this.db.query<CollegeRow>(`${COLLEGE_SELECT} WHERE u.id = $1`, [id]);
    return row;
  }

  async codeTaken(registrationCode: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM unit WHERE registration_code = $1', [
      registrationCode,
    ]);
    return rows.length > 0;
  }

  async insertCollege(c: {
    districtId: string;
    universityId: string;
    name: string;
    registrationCode: string;
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO unit (district_id, parent_unit_id, name, kind, registration_code)
       VALUES ($1, $2, $3, 'college', $4) RETURNING id`,
      [c.districtId, c.universityId, c.name, c.registrationCode],
    );
    if (!row) throw new Error('college insert returned no row');
    return row.id;
  }

  /**
   * Students per college and status in one aggregate, with every college in scope listed even
   * when it has no students yet (status null, count 0).
   */
  countsByCollege(scope: Scope, universityId: string | undefined): Promise<CountRow[]> {
    const params: unknown[] = [];
    const where = ["u.kind = 'college'", ...unitScopeSql(scope, params)];
    if (universityId) where.push(`u.parent_unit_id = $${params.push(universityId)}`);
    return this.db.query<CountRow>(
      `SELECT u.id AS "collegeId", u.name AS "collegeName", p.id AS "universityId", p.name AS "universityName",
         s.status, count(s.id)::int AS count,
         count(s.id) FILTER (WHERE NOT s.eligible)::int AS ineligible,
         count(s.id) FILTER (WHERE s.study_status = 'deferred')::int AS deferred
       FROM unit u LEFT JOIN unit p ON p.id = u.parent_unit_id
       LEFT JOIN student s ON s.college_unit_id = u.id
       WHERE ${where.join(' AND ')}
       GROUP BY u.id, u.name, p.id, p.name, s.status
       ORDER BY p.name NULLS LAST, u.name, u.id`,
      params,
    );
  }
}
