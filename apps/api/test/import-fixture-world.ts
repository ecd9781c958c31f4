import { readFileSync } from 'node:fs';
import { passwordHasher } from '../src/modules/auth/password-hasher.js';
import { PASSWORD } from './fixtures.js';
import type { TestApp } from './test-app.js';

/** The files of test/fixtures/import (see its README), for the imports-fixtures-* tests. */
const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);

export const okFixture = (name: string): Buffer => readFileSync(new URL(`ok/${name}`, FIXTURES));
export const notOkFixture = (name: string): Buffer =>
  readFileSync(new URL(`not-ok/${name}`, FIXTURES));

export interface InfoCollege {
  universityId: string;
  collegeId: string;
  /** A college_staff account of 信息学院, signed in. */
  token: string;
}

/**
 * 北京示范大学 with its 信息学院 — the college the student sheets of the fixtures name — and a
 * college staff account, arranged in SQL and signed in through the API. Call after seedBasics.
 */
export async function seedInfoCollege(t: TestApp): Promise<InfoCollege> {
  const [uni] = await t.sql<{ id: string }>(
    `INSERT INTO unit (district_id, name, kind, registration_code)
     VALUES ('110105', '北京示范大学', 'university', '11010590000') RETURNING id`,
  );
  const [college] = await t.sql<{ id: string }>(
    `INSERT INTO unit (district_id, parent_unit_id, name, kind, registration_code)
     VALUES ('110105', $1, '信息学院', 'college', '11010590001') RETURNING id`,
    [uni?.id],
  );
  if (!uni || !college) throw new Error('college insert failed');
  await t.sql(
    `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id)
     VALUES ('info-staff', '信息学院教务', $1, 'college_staff', '110105', $2)`,
    [await passwordHasher.hash(PASSWORD), college.id],
  );
  const login = await t.http
    .post('/api/auth/login')
    .send({ username: 'info-staff', password: PASSWORD });
  if (login.status !== 200) throw new Error(`login info-staff: ${login.status}`);
  return { universityId: uni.id, collegeId: college.id, token: login.body.token as string };
}
