import { Injectable } from '@nestjs/common';
import type { ImportRow } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { pgArray } from '../../database/pg-array.js';

/**
 * What the roster's dry run stages per row (import_staged_row.value): parseImportRow's person
 * (rules' RosterRow, camelCase keys as zod gives them) plus the masked ID number for the audit
 * entry, masked by the rules in Node so SQL never re-implements the masking.
 */
export const ROSTER_STAGED_MASK_KEY = 'maskedIdNumber';

export type RosterStagedRow = ImportRow['roster'] & { [ROSTER_STAGED_MASK_KEY]: string };

interface RosterTarget {
  districtId: string;
  unitId: string;
  jobId: string;
}

interface RosterWritten {
  lastRowNo: number | null;
  residents: number;
  institutions: number;
}

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
   * The next `limit` staged rows after `afterRowNo` (row order), written by `write`: the two-step
   * import's commit.
   */
  async writeStaged(
    actor: Actor,
    target: RosterTarget,
    afterRowNo: number,
    limit: number,
  ): Promise<RosterWritten> {
    return this.write(
      actor,
      target,
      `SELECT row_no, v->>'idKind' AS id_kind, v->>'idNumber' AS id_number, v->>'name' AS name,
              (v->>'birthDate')::date AS birth_date, v->>'category' AS category,
              ARRAY(SELECT jsonb_array_elements_text(v->'subsidyFlags')) AS subsidy_flags,
              v->>'className' AS class_name, v->>'${ROSTER_STAGED_MASK_KEY}' AS masked_id_number,
              v->'designatedInstitutions' AS institutions
       FROM (SELECT row_no, value AS v FROM import_staged_row
             WHERE job_id = $1 AND row_no > $6 ORDER BY row_no LIMIT $7) staged`,
      [afterRowNo, limit],
    );
  }

  /**
   * Rows given as one array parameter per column, written by `write`: the one-pass import, inside
   * its transaction, a chunk at a time as the file is read. Arrays, not one JSON parameter as the
   * dry run stages them: a fifth less time in PostgreSQL (docs/performance.md).
   */
  async writeRows(
    actor: Actor,
    target: RosterTarget,
    rows: readonly { rowNo: number; value: ImportRow['roster'] }[],
    maskedIdNumbers: readonly string[],
  ): Promise<RosterWritten> {
    const column = (key: 'idKind' | 'idNumber' | 'name' | 'birthDate' | 'category' | 'className') =>
      pgArray(rows.map((r) => r.value[key]));
    return this.write(
      actor,
      target,
      // Subsidy flags are codes without commas (SUBSIDY_FLAGS); '' splits into no flags.
      `SELECT row_no, id_kind, id_number, name, birth_date, category,
              string_to_array(flags, ',') AS subsidy_flags, class_name, masked_id_number, institutions
       FROM unnest($6::int[], $7::text[], $8::text[], $9::text[], $10::date[], $11::text[],
                   $12::text[], $13::text[], $14::text[], $15::jsonb[])
            AS r(row_no, id_kind, id_number, name, birth_date, category, flags, class_name,
                 masked_id_number, institutions)`,
      [
        pgArray(rows.map((r) => r.rowNo)),
        column('idKind'),
        column('idNumber'),
        column('name'),
        column('birthDate'),
        column('category'),
        pgArray(rows.map((r) => r.value.subsidyFlags.join(','))),
        column('className'),
        pgArray(maskedIdNumbers),
        pgArray(rows.map((r) => JSON.stringify(r.value.designatedInstitutions))),
      ],
    );
  }

  /**
   * The rows of `source` (typed columns, one row per person): the residents, their designated
   * institutions and one audit entry each, in one statement. Each audit entry says who (the
   * actor), when, which person (masked ID number) and from which job (`importJobId`; the job's
   * own import_commit entry names the file, the unit and the counts). A person registered
   * meanwhile by someone else fails the statement on uq_resident_id_number (never merged).
   */
  private async write(
    actor: Actor,
    target: RosterTarget,
    source: string,
    sourceParams: unknown[],
  ): Promise<RosterWritten> {
    // The planner guesses 100 institutions per person (jsonb_array_elements), so the statement
    // looks costly enough for JIT, whose compilation took longer than the write itself (0.4 s
    // per 10,000 rows). LOCAL: for this transaction only.
    await this.db.query('SET LOCAL jit = off');
    const [row] = await this.db.query<RosterWritten>(
      // Each person's id is drawn once here (a CTE used more than once is computed once), so the
      // institutions and the audit entries take it from s instead of joining the inserted
      // residents back on the ID number. uuid_v7: time-ordered ids (see its migration).
      `WITH src AS (${source}),
       s AS MATERIALIZED (SELECT src.*, uuid_v7() AS id FROM src),
       ins AS (
         INSERT INTO resident (id, district_id, id_kind, id_number, name, birth_date, category, subsidy_flags, current_unit_id, class_name)
         SELECT id, $2, id_kind, id_number, name, birth_date, category, subsidy_flags, $3::uuid, class_name
         FROM s ORDER BY row_no
         RETURNING 1),
       inst AS (
         INSERT INTO designated_institution (district_id, resident_id, position, code, kind)
         SELECT $2, s.id, d.position, d.choice->>'code', d.choice->>'kind'
         FROM s CROSS JOIN LATERAL jsonb_array_elements(s.institutions)
                  WITH ORDINALITY AS d(choice, position)
         RETURNING 1),
       aud AS (
         INSERT INTO audit_log (actor_user_id, actor_role, district_id, entity, entity_id, action, after)
         SELECT $4::uuid, $5, $2, 'resident', s.id::text, 'import',
                jsonb_build_object('importJobId', $1::text, 'idNumber', s.masked_id_number)
         FROM s)
       SELECT (SELECT max(row_no) FROM s) AS "lastRowNo",
              (SELECT count(*) FROM ins)::int AS residents,
              (SELECT count(*) FROM inst)::int AS institutions`,
      [target.jobId, target.districtId, target.unitId, actor.userId, actor.role, ...sourceParams],
    );
    return {
      lastRowNo: row?.lastRowNo ?? null,
      residents: row?.residents ?? 0,
      institutions: row?.institutions ?? 0,
    };
  }
}
