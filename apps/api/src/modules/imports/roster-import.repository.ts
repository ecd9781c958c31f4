import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';

export interface RosterResident {
  idKind: string;
  idNumber: string;
  name: string;
  birthDate: string;
  category: string;
  subsidyFlags: readonly string[];
  institutions: readonly { code: string; kind: string }[];
  /** N-2.3: the class (班级), so the unit can find and sign for a class's cards. */
  className: string | null;
  /** For the audit entry: the log is readable by staff, so it gets the masked number. */
  maskedIdNumber: string;
}

/** Roster imports: set-based lookups and inserts, one parameter per column (unnest). */
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

  /**
   * The residents, their designated institutions and one audit entry each, in one statement:
   * the institutions and the audit rows are written from the rows the INSERT returned. Each
   * audit entry says who (the actor), when, which person (masked ID number) and from which job
   * (`importJobId`; the job's own import_commit entry names the file, the unit and the counts).
   * The imported values themselves are the resident row as created and are not copied into the
   * log: that copy was about a third of the commit's database time (docs/performance.md).
   */
  async insert(
    actor: Actor,
    target: { districtId: string; unitId: string; jobId: string },
    people: RosterResident[],
  ): Promise<{ residents: number; institutions: number }> {
    if (people.length === 0) return { residents: 0, institutions: 0 };
    const inst = people.flatMap((p) =>
      p.institutions.map((c, i) => ({ idNumber: p.idNumber, position: i + 1, ...c })),
    );
    const [row] = await this.db.query<{ residents: number; institutions: number }>(
      `WITH ins AS (
         INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, subsidy_flags, current_unit_id, class_name)
         SELECT $1, i.id_kind, i.id_number, i.name, i.birth_date, i.category,
                string_to_array(i.flags, ','), $2::uuid, i.class_name
         FROM unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $16::text[])
           AS i(id_kind, id_number, name, birth_date, category, flags, class_name)
         RETURNING id, id_number),
       inst AS (
         INSERT INTO designated_institution (district_id, resident_id, position, code, kind)
         SELECT $1, ins.id, d.position, d.code, d.kind
         FROM unnest($9::text[], $10::smallint[], $11::text[], $12::text[]) AS d(id_number, position, code, kind)
         JOIN ins ON ins.id_number = d.id_number
         RETURNING 1),
       aud AS (
         INSERT INTO audit_log (actor_user_id, actor_role, district_id, entity, entity_id, action, after)
         SELECT $13::uuid, $14, $1, 'resident', ins.id::text, 'import',
                jsonb_build_object('importJobId', $17::text, 'idNumber', a.masked)
         FROM unnest($4::text[], $15::text[]) AS a(id_number, masked)
         JOIN ins ON ins.id_number = a.id_number
         RETURNING 1)
       SELECT (SELECT count(*) FROM ins)::int AS residents,
              (SELECT count(*) FROM inst)::int AS institutions,
              (SELECT count(*) FROM aud)::int AS audited`,
      [
        target.districtId,
        target.unitId,
        people.map((p) => p.idKind),
        people.map((p) => p.idNumber),
        people.map((p) => p.name),
        people.map((p) => p.birthDate),
        people.map((p) => p.category),
        people.map((p) => p.subsidyFlags.join(',')),
        inst.map((c) => c.idNumber),
        inst.map((c) => c.position),
        inst.map((c) => c.code),
        inst.map((c) => c.kind),
        actor.userId,
        actor.role,
        people.map((p) => p.maskedIdNumber),
        people.map((p) => p.className),
        target.jobId,
      ],
    );
    return { residents: row?.residents ?? 0, institutions: row?.institutions ?? 0 };
  }
}
