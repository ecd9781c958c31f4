import { Injectable } from '@nestjs/common';
import type { IdKind, OtherCover, StudentStatus } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { searchSql } from '../residents/residents.repository.js';
import { studentScopeSql } from './student-scope.js';
import type { StudentListQuery } from './students.dto.js';

export interface StudentRow {
  id: string;
  districtId: string;
  collegeId: string;
  collegeName: string;
  universityId: string | null;
  universityName: string | null;
  policyYear: number;
  seq: number;
  name: string;
  idKind: IdKind;
  /** The full number: the service masks it before anything leaves the API. */
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  nationalityOrRegion: string;
  phone: string;
  className: string;
  studentNumber: string;
  studyStatus: 'enrolled' | 'deferred';
  fullTimeStudent: boolean;
  otherCover: OtherCover;
  declaresNoOtherCover: boolean;
  eligible: boolean;
  ineligibleClause: string | null;
  ineligibleReason: string | null;
  status: StudentStatus;
  createdAt: string;
  /** When the registration data (what attachment 3 prints) last changed; kept by a trigger. */
  registrationChangedAt: Date;
  /** When a college summary including the student was last produced (S-1.4 / S-1.5). */
  summaryExportedAt: Date | null;
  /** registrationChangedAt to the microsecond, as text: the version a summary row was written from. */
  registrationVersion: string;
}

/** A student's row as a summary wrote it: the id and the registration version it showed. */
export interface IncludedRow {
  id: string;
  registrationVersion: string;
}

/** One student to insert: the registration plus the S-1.1 verdict the rules gave it. */
export interface NewStudent {
  name: string;
  idKind: string;
  idNumber: string;
  gender: string;
  birthDate: string;
  nationalityOrRegion: string;
  phone: string;
  className: string;
  studentNumber: string;
  studyStatus: string;
  fullTimeStudent: boolean;
  otherCover: string;
  declaresNoOtherCover: boolean;
  eligible: boolean;
  ineligibleClause: string | null;
  ineligibleReason: string | null;
}

/** registration_changed_at in whole microseconds: exact, unlike a JavaScript Date (ms). */
const VERSION = `((extract(epoch FROM s.registration_changed_at) * 1000000)::bigint)::text`;

const SELECT = `SELECT s.id, s.district_id AS "districtId", s.college_unit_id AS "collegeId", c.name AS "collegeName",
  un.id AS "universityId", un.name AS "universityName", s.policy_year AS "policyYear", s.seq, s.name,
  s.id_kind AS "idKind", s.id_number AS "idNumber", s.gender, to_char(s.birth_date, 'YYYY-MM-DD') AS "birthDate",
  s.nationality_or_region AS "nationalityOrRegion", s.phone, s.class_name AS "className",
  s.student_number AS "studentNumber", s.study_status AS "studyStatus", s.full_time_student AS "fullTimeStudent",
  s.other_cover AS "otherCover", s.declares_no_other_cover AS "declaresNoOtherCover", s.eligible, s.ineligible_clause AS "ineligibleClause",
  s.ineligible_reason AS "ineligibleReason", s.status, s.created_at AS "createdAt",
  s.registration_changed_at AS "registrationChangedAt", s.summary_exported_at AS "summaryExportedAt",
  ${VERSION} AS "registrationVersion"
  FROM student s JOIN unit c ON c.id = s.college_unit_id LEFT JOIN unit un ON un.id = c.parent_unit_id`;

const SORT: Record<StudentListQuery['sort'], string> = {
  seq: 's.college_unit_id, s.seq',
  name: 's.name',
  status: 's.status',
  createdAt: 's.created_at',
};

/** Columns of the set-based insert, in order, with their array types. */
const COLUMNS: [keyof NewStudent, string, string][] = [
  ['name', 'name', 'text'],
  ['idKind', 'id_kind', 'text'],
  ['idNumber', 'id_number', 'text'],
  ['gender', 'gender', 'text'],
  ['birthDate', 'birth_date', 'date'],
  ['nationalityOrRegion', 'nationality_or_region', 'text'],
  ['phone', 'phone', 'text'],
  ['className', 'class_name', 'text'],
  ['studentNumber', 'student_number', 'text'],
  ['studyStatus', 'study_status', 'text'],
  ['fullTimeStudent', 'full_time_student', 'boolean'],
  ['otherCover', 'other_cover', 'text'],
  ['declaresNoOtherCover', 'declares_no_other_cover', 'boolean'],
  ['eligible', 'eligible', 'boolean'],
  ['ineligibleClause', 'ineligible_clause', 'text'],
  ['ineligibleReason', 'ineligible_reason', 'text'],
];

/** Rows per INSERT: 16 arrays of 1,000 stay well under any parameter or packet limit. */
export const INSERT_CHUNK = 1000;

@Injectable()
export class StudentsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Inserts students into one college, numbering them (序号) after the college's last number.
   * The caller holds the college row lock (lockCollege), so concurrent inserts cannot take the
   * same numbers. Set-based: one `INSERT … SELECT FROM unnest(…)` per chunk, never per row.
   */
  async insertMany(input: {
    districtId: string;
    collegeId: string;
    policyYear: number;
    createdBy: string;
    rows: readonly NewStudent[];
  }): Promise<{ id: string; seq: number }[]> {
    const out: { id: string; seq: number }[] = [];
    for (let start = 0; start < input.rows.length; start += INSERT_CHUNK) {
      const chunk = input.rows.slice(start, start + INSERT_CHUNK);
      const arrays = COLUMNS.map(([key]) => chunk.map((r) => r[key]));
      const unnest = COLUMNS.map(([, , type], i) => `$${i + 5}::${type}[]`).join(', ');
      const cols = COLUMNS.map(([, col]) => col).join(', ');
      const inserted = await this.db.query<{ id: string; seq: number }>(
        `INSERT INTO student (district_id, college_unit_id, policy_year, created_by, seq, ${cols})
         SELECT $1, $2::uuid, $3::int, $4::uuid,
           (SELECT coalesce(max(seq), 0) FROM student WHERE college_unit_id = $2::uuid AND policy_year = $3::int) + r.ord,
           ${COLUMNS.map(([, col]) => `r.${col}`).join(', ')}
         FROM unnest(${unnest}) WITH ORDINALITY AS r(${cols}, ord)
         ORDER BY r.ord
         RETURNING id, seq`,
        [input.districtId, input.collegeId, input.policyYear, input.createdBy, ...arrays],
      );
      out.push(...inserted.sort((a, b) => a.seq - b.seq));
    }
    return out;
  }

  /** Takes the college row for the rest of the transaction (numbering is per college). */
  async lockCollege(collegeId: string): Promise<void> {
    await this.db.query('SELECT 1 FROM unit WHERE id = $1 FOR UPDATE', [collegeId]);
  }

  /** The ID numbers of `idNumbers` already registered for the year (S-1.2: one registration each). */
  async existingIdNumbers(policyYear: number, idNumbers: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ idNumber: string }>(
      `SELECT id_number AS "idNumber" FROM student WHERE policy_year = $1 AND id_number = ANY ($2::text[])`,
      [policyYear, idNumbers],
    );
    return new Set(rows.map((r) => r.idNumber));
  }

  async list(scope: Scope, q: StudentListQuery): Promise<{ rows: StudentRow[]; total: number }> {
    const params: unknown[] = [];
    const where = studentScopeSql(scope, params);
    if (q.status) where.push(`s.status = ANY ($${params.push(q.status)}::text[])`);
    if (q.collegeId) where.push(`s.college_unit_id = $${params.push(q.collegeId)}`);
    if (q.eligible !== undefined) where.push(`s.eligible = $${params.push(q.eligible)}`);
    if (q.deferred !== undefined)
      where.push(`(s.study_status = 'deferred') = $${params.push(q.deferred)}`);
    if (q.search) {
      const byPerson = searchSql(q.search, params, 's');
      where.push(`(${byPerson} OR s.student_number = $${params.push(q.search)})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM student s ${clause}`,
      params,
    );
    const rows = await this.db.query<StudentRow>(
      `${SELECT} ${clause} ORDER BY ${SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, s.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { rows, total: count?.total ?? 0 };
  }

  /** One student in scope; `lock` takes the row for the rest of the transaction. */
  async find(scope: Scope, id: string, lock = false): Promise<StudentRow | undefined> {
    const params: unknown[] = [id];
    const where = ['s.id = $1', ...studentScopeSql(scope, params)];
    const [row] = await this.db.query<StudentRow>(
      `${SELECT} WHERE ${where.join(' AND ')}${lock ? ' FOR UPDATE OF s' : ''}`,
      params,
    );
    return row;
  }

  /** S-1.4: a college's eligible students in 序号 order, `size` after the number `afterSeq`. */
  summaryPage(collegeId: string, afterSeq: number | null, size: number): Promise<StudentRow[]> {
    return this.db.query<StudentRow>(
      `${SELECT} WHERE s.college_unit_id = $1 AND s.eligible AND s.seq > $2 ORDER BY s.seq LIMIT $3`,
      [collegeId, afterSeq ?? 0, size],
    );
  }

  /**
   * S-1.4 / S-1.5: the rows a produced summary included are marked, set-based — each only if
   * its data is still the version the summary printed (a change since then leaves it unmarked,
   * so attachment 3 stays open for it). Returns how many were marked.
   */
  async markSummaryExported(rows: readonly IncludedRow[]): Promise<number> {
    let marked = 0;
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const [row] = await this.db.query<{ n: number }>(
        `WITH marked AS (
           UPDATE student s SET summary_exported_at = clock_timestamp()
           FROM unnest($1::uuid[], $2::text[]) AS w(id, version)
           WHERE s.id = w.id AND ${VERSION} = w.version
           RETURNING s.id)
         SELECT count(*)::int AS n FROM marked`,
        [chunk.map((r) => r.id), chunk.map((r) => r.registrationVersion)],
      );
      marked += row?.n ?? 0;
    }
    return marked;
  }

  /** A guarded state change: only from the expected status; false when another request won. */
  async setStatus(id: string, from: StudentStatus, to: StudentStatus): Promise<boolean> {
    const rows = await this.db.query(
      // Wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      `WITH moved AS (UPDATE student SET status = $3, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id)
       SELECT id FROM moved`,
      [id, from, to],
    );
    return rows.length > 0;
  }
}
