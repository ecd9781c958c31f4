import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, everyText, loadWorkbook } from '../export-helpers.js';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import {
  type CreatedStudent,
  createStudent,
  registration,
  reviewedStudent,
  seedUniversity,
  type UniversityWorld,
} from '../student-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
let u: UniversityWorld;
let a1: CreatedStudent;
let a2: CreatedStudent;
let b1: CreatedStudent;

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2025-10-21' });
  w = await seedBasics(t);
  u = await seedUniversity(t);
  a1 = await createStudent(t, u.tokens.collegeA, u.collegeA, { name: '张三' });
  a2 = await reviewedStudent(
    t,
    { college: u.tokens.collegeA, reviewer: u.tokens.university },
    u.collegeA,
  );
  b1 = await createStudent(t, u.tokens.collegeB, u.collegeB, {
    otherCover: 'public_medical',
    declaresNoOtherCover: false,
  });
});
afterAll(() => t?.close());

const get = (path: string, token: string) => t.http.get(path).set(bearer(token));
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();

describe('college staff see their college only; university staff all its colleges', () => {
  it('S-1.5 college staff get 404 for another college’s student, for reads and for changes', async () => {
    expect((await get(`/api/students/${b1.id}`, u.tokens.collegeA)).status).toBe(404);
    expect((await get(`/api/students/${a1.id}`, u.tokens.collegeB)).status).toBe(404);
    const pay = await t.http
      .post(`/api/students/${a2.id}/payment`)
      .set(bearer(u.tokens.collegeB))
      .send({ channel: 'bank_app', paidAt: '2025-10-13T10:00:00+08:00' });
    expect(pay.status).toBe(404);
    const created = await t.http
      .post(`/api/colleges/${u.collegeB.id}/students`)
      .set(bearer(u.tokens.collegeA))
      .send(registration({ college: '外国语学院' }));
    expect(created.status).toBe(404);
  });

  it('lists: each college its own, the university and the district all, another district none', async () => {
    expect(ids((await get('/api/students', u.tokens.collegeA)).body)).toEqual(
      [a1.id, a2.id].sort(),
    );
    expect(ids((await get('/api/students', u.tokens.collegeB)).body)).toEqual([b1.id]);
    const all = [a1.id, a2.id, b1.id].sort();
    expect(ids((await get('/api/students', u.tokens.university)).body)).toEqual(all);
    expect(ids((await get('/api/students', w.tokens.district)).body)).toEqual(all);
    expect((await get('/api/students', w.tokens.otherDistrict)).body.total).toBe(0);
    expect((await get(`/api/students/${b1.id}`, u.tokens.university)).status).toBe(200);
    expect((await get(`/api/students/${b1.id}`, w.tokens.otherDistrict)).status).toBe(404);
    expect((await get('/api/students', w.tokens.unitA)).status).toBe(403);
  });

  it('filters by status, college, search (name, student number, last four of the ID), paging and sort', async () => {
    const uni = u.tokens.university;
    const reviewed = await get('/api/students?status=reviewed,paid', uni);
    expect(ids(reviewed.body)).toEqual([a2.id]);
    expect((await get(`/api/students?collegeId=${u.collegeB.id}`, uni)).body.total).toBe(1);
    expect(
      ids((await get(`/api/students?search=${encodeURIComponent('张三')}`, uni)).body),
    ).toEqual([a1.id]);
    expect(ids((await get(`/api/students?search=${a1.idNumber.slice(-4)}`, uni)).body)).toContain(
      a1.id,
    );
    const [number] = await t.sql<{ n: string }>(
      'SELECT student_number AS n FROM student WHERE id = $1',
      [b1.id],
    );
    expect(ids((await get(`/api/students?search=${number?.n}`, uni)).body)).toEqual([b1.id]);
    const page = await get('/api/students?pageSize=2&page=2&sort=seq&order=asc', uni);
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
    const bad = await get('/api/students?status=lost', uni);
    expect(bad.status).toBe(422);
    expect(bad.body.fields['status.0']).toContain('registered');
  });

  it('S-1.1 ID numbers are masked in lists for every role', async () => {
    const res = await get('/api/students?pageSize=50', w.tokens.admin);
    const text = JSON.stringify(res.body);
    for (const s of [a1, a2, b1]) expect(text).not.toContain(s.idNumber);
  });
});

describe('colleges of a university', () => {
  it('district staff add a college; the university lists its colleges; college staff may not', async () => {
    const created = await t.http
      .post(`/api/universities/${u.universityId}/colleges`)
      .set(bearer(w.tokens.district))
      .send({ name: '法学院', registrationCode: '11010590003' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '法学院',
      university: { id: u.universityId, name: '北京示范大学' },
      studentCount: 0,
    });
    const list = await get(`/api/universities/${u.universityId}/colleges`, u.tokens.university);
    expect(
      list.body.map((c: { name: string; studentCount: number }) => [c.name, c.studentCount]),
    ).toEqual([
      ['外国语学院', 1],
      ['法学院', 0],
      ['计算机学院', 2],
    ]);
    // S-1.6: each college's progress: 计算机学院 has one registered, one reviewed student;
    // 外国语学院 one ineligible (public medical care).
    const progress = Object.fromEntries(
      list.body.map((c: { name: string; byStatus: Record<string, number>; ineligible: number }) => [
        c.name,
        {
          registered: c.byStatus.registered,
          reviewed: c.byStatus.reviewed,
          ineligible: c.ineligible,
        },
      ]),
    );
    expect(progress).toEqual({
      计算机学院: { registered: 1, reviewed: 1, ineligible: 0 },
      外国语学院: { registered: 1, reviewed: 0, ineligible: 1 },
      法学院: { registered: 0, reviewed: 0, ineligible: 0 },
    });
    const byUni = await t.http
      .post(`/api/universities/${u.universityId}/colleges`)
      .set(bearer(u.tokens.university))
      .send({ name: '医学院', registrationCode: '11010590004' });
    expect(byUni.status).toBe(403);
    expect(
      (await get(`/api/universities/${u.universityId}/colleges`, u.tokens.collegeA)).status,
    ).toBe(403);
    expect(
      (await get(`/api/universities/${u.universityId}/colleges`, w.tokens.otherDistrict)).status,
    ).toBe(404);
    const dup = await t.http
      .post(`/api/universities/${u.universityId}/colleges`)
      .set(bearer(w.tokens.district))
      .send({ name: '重复学院', registrationCode: '11010590003' });
    expect(dup.status).toBe(422);
    expect(dup.body.fields.registrationCode).toContain('已存在');
    const notUni = await t.http
      .post(`/api/universities/${w.unitA.id}/colleges`)
      .set(bearer(w.tokens.district))
      .send({ name: '小学学院', registrationCode: '11010590005' });
    expect(notUni.status).toBe(404);
  });
});

describe('S-1.6 dashboard of the colleges’ progress', () => {
  it('counts per status, per college for university staff; a college sees its own row', async () => {
    const uni = await get('/api/students/dashboard', u.tokens.university);
    expect(uni.status).toBe(200);
    expect(uni.body).toMatchObject({
      policyYear: 2025,
      total: 3,
      ineligible: 1,
      deferred: 0,
      byStatus: { registered: 2, submitted: 0, reviewed: 1, paid: 0 },
    });
    const byName = Object.fromEntries(
      uni.body.colleges.map((c: { college: { name: string } }) => [c.college.name, c]),
    );
    expect(byName.计算机学院).toMatchObject({ total: 2, byStatus: { registered: 1, reviewed: 1 } });
    expect(byName.外国语学院).toMatchObject({ total: 1, ineligible: 1 });
    expect(byName.法学院).toMatchObject({ total: 0 });
    const college = await get('/api/students/dashboard', u.tokens.collegeB);
    expect(college.body.colleges.map((c: { college: { name: string } }) => c.college.name)).toEqual(
      ['外国语学院'],
    );
    expect(college.body.total).toBe(1);
  });
});

describe('S-1.4 attachment 3: the college summary table', () => {
  it('S-1.4 streams 【计算机学院】2025年…汇总表.xlsx with the eligible students and their full ID numbers, audited', async () => {
    const downloads = async () => {
      const [row] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'college_summary_download' AND entity_id = $1`,
        [u.collegeA.id],
      );
      return row?.n ?? 0;
    };
    const before = await downloads();
    const res = await download(t, `/api/colleges/${u.collegeA.id}/summary.xlsx`, u.tokens.collegeA);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('【计算机学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表.xlsx'),
    );
    const cells = everyText(await loadWorkbook(res.body));
    expect(cells).toContain('张三');
    // The agency enrols from this table: the whole number, and the download is on record.
    for (const s of [a1, a2]) expect(cells).toContain(s.idNumber);
    expect(await downloads()).toBe(before + 1);
    expect(
      (await get(`/api/colleges/${u.collegeA.id}/summary.xlsx`, u.tokens.collegeB)).status,
    ).toBe(404);
  });
});
