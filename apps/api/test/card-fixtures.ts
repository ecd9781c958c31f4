import { mod112CheckDigit } from '@sscard/rules';
import type { TestApp } from './test-app.js';

let serial = 0;

/**
 * A valid 18-digit resident ID number (GB 11643 with its MOD 11-2 check character), unique
 * within the test file: 999 sequence numbers per birth date, birth dates from 2000-01-01.
 */
export function validIdNumber(area = '110105'): string {
  const n = serial++;
  const birth = new Date(Date.UTC(2000, 0, 1 + Math.floor(n / 999)));
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${area}${ymd}${String((n % 999) + 1).padStart(3, '0')}`;
  return first17 + mod112CheckDigit(first17);
}

export interface ResidentSeed {
  id: string;
  idNumber: string;
  name: string;
}

/** Residents (students) with valid ID numbers, enrolled at `currentUnitId`, without cards. */
export async function insertResidents(
  t: TestApp,
  o: { districtId: string; currentUnitId: string | null; count: number; namePrefix: string },
): Promise<ResidentSeed[]> {
  const ids = Array.from({ length: o.count }, () => validIdNumber(o.districtId));
  return t.sql<ResidentSeed>(
    `INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, current_unit_id)
     SELECT $1, 'resident', i.id_number, $3 || i.n, to_date(substr(i.id_number, 7, 8), 'YYYYMMDD'),
            'student_child', $4
     FROM unnest($2::text[]) WITH ORDINALITY AS i(id_number, n)
     RETURNING id, id_number AS "idNumber", name`,
    [o.districtId, ids, o.namePrefix, o.currentUnitId],
  );
}

let cardSerial = 0;

/**
 * N residents with cards made for a unit, in one statement (generate_series over the valid
 * ID numbers): e.g. 650 / 600 / 599 cards for the N-2.2a/N-2.2b boundary.
 */
export async function insertMadeCards(
  t: TestApp,
  o: { districtId: string; unitId: string; count: number; state?: string },
): Promise<number> {
  const ids = Array.from({ length: o.count }, () => validIdNumber(o.districtId));
  const first = cardSerial;
  cardSerial += o.count;
  const [row] = await t.sql<{ count: number }>(
    `WITH res AS (
       INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category, current_unit_id)
       SELECT $1, 'resident', ($3::text[])[g], '学生' || ($4 + g), to_date(substr(($3::text[])[g], 7, 8), 'YYYYMMDD'),
              'student_child', $2
       FROM generate_series(1, cardinality($3::text[])) AS g
       RETURNING id, name),
     cards AS (
       INSERT INTO card (district_id, resident_id, made_for_unit_id, card_number, state, problem)
       SELECT $1, res.id, $2, 'SC' || lpad(substr(res.name, 3), 10, '0'), $5,
              CASE WHEN $5 = 'not_made_data_problem' THEN '照片不合格' END
       FROM res RETURNING 1)
     SELECT count(*)::int AS count FROM cards`,
    [o.districtId, o.unitId, ids, first, o.state ?? 'made'],
  );
  return row?.count ?? 0;
}

/** A unit in a district, arranged in SQL. */
export async function insertUnit(
  t: TestApp,
  o: { districtId: string; name: string; code: string },
): Promise<{ id: string; code: string }> {
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO unit (district_id, name, kind, registration_code) VALUES ($1, $2, 'school', $3) RETURNING id`,
    [o.districtId, o.name, o.code],
  );
  if (!row) throw new Error('unit insert failed');
  return { id: row.id, code: o.code };
}
