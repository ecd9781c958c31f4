import { addDays, type StudentRegistration, studentRegistrationSchema } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/common/auth/actor.js';
import { ValidationFailed } from '../../src/common/errors/api-errors.js';
import { StudentsService } from '../../src/modules/students/students.service.js';
import { seedBasics } from '../fixtures.js';
import { residentIdNumber } from '../id-numbers.js';
import { registration, seedUniversity, type UniversityWorld } from '../student-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let u: UniversityWorld;
let service: StudentsService;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2025-10-21' });
  await seedBasics(t);
  u = await seedUniversity(t);
  service = t.runtime.app.get(StudentsService);
});
afterAll(() => t?.close());

async function actor(username: string): Promise<Actor> {
  const [row] = await t.sql<Actor>(
    `SELECT id AS "userId", username, display_name AS "displayName", role,
            district_id AS "districtId", unit_id AS "unitId" FROM app_user WHERE username = $1`,
    [username],
  );
  if (!row) throw new Error(`no user ${username}`);
  return row;
}

/** Valid registrations as the import's parser hands them over (schema output). */
function rows(n: number, college: (i: number) => string, from = 0): StudentRegistration[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const birthDate = addDays('2005-01-01', Math.floor(i / 400));
    return studentRegistrationSchema.parse(
      registration({
        name: `批量${i}`,
        birthDate,
        idNumber: residentIdNumber(birthDate, (i % 400) * 2 + 1),
        college: college(i),
        otherCover: i % 10 === 0 ? 'public_medical' : 'none',
        declaresNoOtherCover: i % 10 !== 0,
      }),
    );
  });
}

describe('set-based insert for the import (checkMany / insertMany)', () => {
  it('S-1.2 a university sheet of 2,500 rows lands in its two colleges, numbered per college, in chunks', async () => {
    const uni = await actor('uni-staff');
    const input = rows(2500, (i) => (i % 2 === 0 ? '计算机学院' : '外国语学院'));
    expect(await service.checkMany(uni, u.universityId, input)).toEqual([]);
    const out = await service.insertMany(uni, u.universityId, input);
    expect(out).toHaveLength(2500);
    const counts = await t.sql<{ college: string; n: number; min: number; max: number }>(
      `SELECT c.name AS college, count(*)::int AS n, min(s.seq) AS min, max(s.seq) AS max
       FROM student s JOIN unit c ON c.id = s.college_unit_id GROUP BY c.name ORDER BY c.name`,
    );
    expect(counts).toEqual([
      { college: '外国语学院', n: 1250, min: 1, max: 1250 },
      { college: '计算机学院', n: 1250, min: 1, max: 1250 },
    ]);
    // S-1.1: the rules' verdict is stored with its reason for every row.
    const [ineligible] = await t.sql<{ n: number; reason: string }>(
      `SELECT count(*)::int AS n, min(ineligible_reason) AS reason FROM student WHERE NOT eligible`,
    );
    expect(ineligible?.n).toBe(250);
    expect(ineligible?.reason).toContain('公费医疗');
    // Input order is kept within a college: row 0 is 计算机学院's 序号 1, row 2 its 序号 2.
    const cs = out.filter((o) => o.collegeId === u.collegeA.id && o.seq <= 2).map((o) => o.id);
    const names = await t.sql<{ name: string }>(
      'SELECT name FROM student WHERE id = ANY ($1::uuid[]) ORDER BY seq',
      [cs],
    );
    expect(names.map((n) => n.name)).toEqual(['批量0', '批量2']);
    const [audit] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'student' AND action = 'create'`,
    );
    expect(audit?.n).toBe(2500);
  });

  it('S-1.2 a college sheet continues the college’s numbering', async () => {
    const cs = await actor('cs-staff');
    const out = await service.insertMany(
      cs,
      u.collegeA.id,
      rows(3, () => '计算机学院', 5000),
    );
    expect(out.map((o) => o.seq)).toEqual([1251, 1252, 1253]);
  });

  it('problems are reported per row index and nothing is inserted', async () => {
    const cs = await actor('cs-staff');
    const fresh = rows(3, () => '计算机学院', 6000);
    const [taken] = rows(1, () => '计算机学院', 5000);
    const [wrongCollege] = rows(1, () => '外国语学院', 7000);
    if (!taken || !wrongCollege || !fresh[0]) throw new Error('fixture');
    const input = [...fresh, taken, wrongCollege, fresh[0]];
    const issues = await service.checkMany(cs, u.collegeA.id, input);
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [3, 'idNumber'],
      [4, 'college'],
      [5, 'idNumber'],
    ]);
    expect(issues[2]?.message).toBe('证件号码与第1条重复 / The ID number repeats entry 1');
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM student');
    const error = await service.insertMany(cs, u.collegeA.id, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((error as ValidationFailed).getResponse() as object)).toContain('fields');
    expect(
      Object.keys(((error as ValidationFailed).getResponse() as { fields: object }).fields),
    ).toEqual(['rows.3.idNumber', 'rows.4.college', 'rows.5.idNumber']);
    expect(await t.sql('SELECT count(*)::int AS n FROM student')).toEqual(before);
  });

  it('a college’s staff cannot import into the university or another college (404)', async () => {
    const cs = await actor('cs-staff');
    await expect(service.checkMany(cs, u.universityId, [])).rejects.toMatchObject({
      status: 404,
    });
    await expect(service.insertMany(cs, u.collegeB.id, [])).rejects.toMatchObject({
      status: 404,
    });
  });
});
