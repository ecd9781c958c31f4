import { passwordHasher } from '../src/modules/auth/password-hasher.js';
import { type Download, download } from './export-helpers.js';
import { bearer, PASSWORD } from './fixtures.js';
import { residentIdNumber } from './id-numbers.js';
import type { TestApp } from './test-app.js';

export interface UniversityWorld {
  universityId: string;
  collegeA: { id: string; name: string };
  collegeB: { id: string; name: string };
  tokens: { university: string; collegeA: string; collegeB: string };
}

/**
 * A university in district 110105 with two colleges (院（系）) and one account each for the
 * university's staff and each college's staff, arranged in SQL and signed in through the API.
 * Call after seedBasics (the districts must exist).
 */
export async function seedUniversity(t: TestApp): Promise<UniversityWorld> {
  const hash = await passwordHasher.hash(PASSWORD);
  const [u] = await t.sql<{ id: string }>(
    `INSERT INTO unit (district_id, name, kind, registration_code) VALUES ('110105', '北京示范大学', 'university', '11010590000') RETURNING id`,
  );
  if (!u) throw new Error('university insert failed');
  const colleges = await t.sql<{ id: string; name: string }>(
    `INSERT INTO unit (district_id, parent_unit_id, name, kind, registration_code) VALUES
       ('110105', $1, '计算机学院', 'college', '11010590001'),
       ('110105', $1, '外国语学院', 'college', '11010590002')
     RETURNING id, name`,
    [u.id],
  );
  const a = colleges.find((c) => c.name === '计算机学院');
  const b = colleges.find((c) => c.name === '外国语学院');
  if (!a || !b) throw new Error('college insert failed');
  await t.sql(
    `INSERT INTO app_user (username, display_name, password_hash, role, district_id, unit_id) VALUES
      ('uni-staff', '北京示范大学医保办', $1, 'university_staff', '110105', $2),
      ('cs-staff', '计算机学院教务', $1, 'college_staff', '110105', $3),
      ('fl-staff', '外国语学院教务', $1, 'college_staff', '110105', $4)`,
    [hash, u.id, a.id, b.id],
  );
  const login = async (username: string): Promise<string> => {
    const res = await t.http.post('/api/auth/login').send({ username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return (res.body as { token: string }).token;
  };
  return {
    universityId: u.id,
    collegeA: a,
    collegeB: b,
    tokens: {
      university: await login('uni-staff'),
      collegeA: await login('cs-staff'),
      collegeB: await login('fl-staff'),
    },
  };
}

let sequence = 100;

/** A valid attachment-1 body (S-1.2): a male full-time student, no other cover. */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 2; // odd sequence digit: male
  const birthDate = '2006-05-01';
  return {
    name: `学生${sequence}`,
    idKind: 'resident',
    idNumber: residentIdNumber(birthDate, sequence + 1),
    gender: 'male',
    birthDate,
    nationalityOrRegion: '中国',
    phone: '13900000000',
    college: '计算机学院',
    className: '计科2501',
    studentNumber: `2025${String(sequence).padStart(4, '0')}`,
    studyStatus: 'enrolled',
    fullTimeStudent: true,
    otherCover: 'none',
    declaresNoOtherCover: true,
    ...overrides,
  };
}

export interface CreatedStudent {
  id: string;
  seq: number;
  name: string;
  idNumber: string;
}

export async function createStudent(
  t: TestApp,
  token: string,
  college: { id: string; name: string },
  overrides: Record<string, unknown> = {},
): Promise<CreatedStudent> {
  const body = registration({ college: college.name, ...overrides });
  const res = await t.http
    .post(`/api/colleges/${college.id}/students`)
    .set(bearer(token))
    .send(body);
  if (res.status !== 201)
    throw new Error(`create student: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.id,
    seq: res.body.seq,
    name: res.body.name,
    idNumber: String(body.idNumber),
  };
}

/** A minimal file that starts like a PDF (%PDF-): the API checks the magic bytes, not the rest. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

export const formName = (s: CreatedStudent, ext = '.pdf') =>
  `【${s.seq}${s.name}】个人参加城乡居民基本医疗保险信息登记表${ext}`;
export const evidenceName = (s: CreatedStudent) => `【${s.seq}${s.name}】证明材料.pdf`;

export function upload(t: TestApp, token: string, studentId: string, name: string, content = PDF) {
  return t.http
    .post(`/api/students/${studentId}/attachments`)
    .set(bearer(token))
    .attach('file', content, { filename: name, contentType: 'application/octet-stream' });
}

/** S-1.4: the college's summary table (attachment 3); marks the students it includes (S-1.5). */
export async function downloadSummary(
  t: TestApp,
  token: string,
  collegeId: string,
): Promise<Download> {
  const res = await download(t, `/api/colleges/${collegeId}/summary.xlsx`, token);
  if (res.status !== 200) throw new Error(`summary: ${res.status} ${res.body.toString()}`);
  return res;
}

/** Through the API: both attachments, the summary, submitted, reviewed (S-1.2 … S-1.6). */
export async function reviewedStudent(
  t: TestApp,
  tokens: { college: string; reviewer: string },
  college: { id: string; name: string },
): Promise<CreatedStudent> {
  const s = await createStudent(t, tokens.college, college);
  for (const name of [formName(s), evidenceName(s)]) {
    const res = await upload(t, tokens.college, s.id, name);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  }
  await downloadSummary(t, tokens.college, college.id);
  for (const [path, token] of [
    ['submit', tokens.college],
    ['review', tokens.reviewer],
  ] as const) {
    const res = await t.http.post(`/api/students/${s.id}/${path}`).set(bearer(token));
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return s;
}
