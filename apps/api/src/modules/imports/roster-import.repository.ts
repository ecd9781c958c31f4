import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';

/**
 * What the roster's dry run stages per row (import_staged_row.value): parseImportRow's person
 * (rules' RosterRow, camelCase keys as zod gives them) plus the masked ID number for the audit
 * entry, masked by the rules in Node so SQL never re-implements the masking.
 */
export const ROSTER_STAGED_MASK_KEY = 'maskedIdNumber';

/**
 * Roster imports. The commit is written wholly in SQL from the staged rows: the values never
 * travel back to Node (docs/performance.md — reading them back and sending them again as
 * parameters was a third of the commit).
 */
@Injectable()
export class RosterImportRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** The ID numbers of the list that are already registered. */
  async registered(idNumbers: string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ idNumber: string }>(
      'SELECT id_number AS "idNumber" FROM resident WHERE id_number = ANY($1::text[])',
      [idNumbers],
    );
    return new Set(rows.map((r) => r.idNumber));
  }

  /** The first staged row whose ID number is registered by now (the dry run found none). */
  async firstRegisteredStagedRow(jobId: string): Promise<number | null> {
    const [row] = await this.db.query<{ rowNo: number }>(
      `SELECT s.row_no AS "rowNo" FROM import_staged_row s
       JOIN resident r ON r.id_number = s.value->>'idNumber'
       WHERE s.job_id = $1 ORDER BY s.row_no LIMIT 1`,
      [jobId],
    );
    return row?.rowNo ?? null;
  }

  /**
   * The next `limit` staged rows after `afterRowNo` (row order): the residents, their designated
   * institutions and one audit entry each, in one statement. Each audit entry says who (the
   * actor), when, which person (masked ID number) and from which job (`importJobId`; the job's
   * own import_commit entry names the file, the unit and the counts). A person registered
   * meanwhile by someone else fails the statement on uq_resident_id_number (never merged).
   */
  async writeStaged(
    actor: Actor,
    target: { districtId: string; unitId: string; jobId: string },
    afterRowNo: number,
    limit: number,
  ): Promise<{ lastRowNo: number | null; residents: number; institutions: number }> {
    // The planner guesses 100 institutions per person (jsonb_array_elements), so the statement
    // looks costly enough for JIT, whose compilation took longer than the write itself (0.4 s
    // per 10,000 rows). LOCAL: for this transaction only.
    await this.db.query('SET LOCAL jit = off');
    const [row] = await this.db.query<{
      lastRowNo: number | null;
      residents: number;
      institutions: number;
    }>(
      `WITH s AS (
         SELECT row_no, value AS v FROM import_staged_row
         WHERE job_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3),
       ins AS (
         INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, subsidy_flags, current_unit_id, class_name)
         SELECT $4, v->>'idKind', v->>'idNumber', v->>'name', (v->>'birthDate')::date, v->>'category',
                ARRAY(SELECT jsonb_array_elements_text(v->'subsidyFlags')), $5::uuid, v->>'className'
         FROM s ORDER BY row_no
         RETURNING id, id_number),
       inst AS (
         INSERT INTO designated_institution (district_id, resident_id, position, code, kind)
         SELECT $4, ins.id, d.position, d.choice->>'code', d.choice->>'kind'
         FROM s CROSS JOIN LATERAL jsonb_array_elements(s.v->'designatedInstitutions')
                  WITH ORDINALITY AS d(choice, position)
         JOIN ins ON ins.id_number = s.v->>'idNumber'
         RETURNING 1),
       aud AS (
         INSERT INTO audit_log (actor_user_id, actor_role, district_id, entity, entity_id, action, after)
         SELECT $6::uuid, $7, $4, 'resident', ins.id::text, 'import',
                jsonb_build_object('importJobId', $1::text, 'idNumber', s.v->>'${ROSTER_STAGED_MASK_KEY}')
         FROM s JOIN ins ON ins.id_number = s.v->>'idNumber')
       SELECT (SELECT max(row_no) FROM s) AS "lastRowNo",
              (SELECT count(*) FROM ins)::int AS residents,
              (SELECT count(*) FROM inst)::int AS institutions`,
      [target.jobId, afterRowNo, limit, target.districtId, target.unitId, actor.userId, actor.role],
    );
    return {
      lastRowNo: row?.lastRowNo ?? null,
      residents: row?.residents ?? 0,
      institutions: row?.institutions ?? 0,
    };
  }
}
