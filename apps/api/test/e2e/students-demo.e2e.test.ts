import { STUDENT_STATUSES } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo-seed.js';
import { bearer } from '../fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2025-10-21' });
  await seedDemo(t.runtime.app);
  for (const username of ['university', 'college-cs', 'college-fl']) {
    const res = await t.http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
    tokens[username] = res.body.token;
  }
});
afterAll(() => t?.close());

describe('demo seed: the 2025 student flow', () => {
  it('S-1.6 the university sees students in every status across its two colleges', async () => {
    const res = await t.http.get('/api/students/dashboard').set(bearer(tokens.university ?? ''));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(7);
    expect(res.body.ineligible).toBe(1);
    expect(res.body.deferred).toBe(1);
    for (const s of STUDENT_STATUSES) expect(res.body.byStatus[s], s).toBeGreaterThan(0);
    expect(res.body.colleges.map((c: { college: { name: string } }) => c.college.name)).toEqual([
      '外国语学院',
      '计算机学院',
    ]);
  });

  it('S-1.5 each college staff account sees its own students, with working attachment downloads', async () => {
    const cs = await t.http
      .get('/api/students?pageSize=50')
      .set(bearer(tokens['college-cs'] ?? ''));
    expect(cs.body.total).toBe(4);
    const fl = await t.http
      .get('/api/students?pageSize=50')
      .set(bearer(tokens['college-fl'] ?? ''));
    expect(fl.body.total).toBe(3);
    const paid = fl.body.items.find((s: { status: string }) => s.status === 'paid');
    const detail = await t.http
      .get(`/api/students/${paid.id}`)
      .set(bearer(tokens['college-fl'] ?? ''));
    expect(detail.body.checklist.complete).toBe(true);
    expect(detail.body.benefitPeriod).toEqual({ from: '2025-09-01', to: '2025-12-31' });
    const file = await t.http
      .get(`/api/students/${paid.id}/attachments/${detail.body.attachments[0].id}`)
      .set(bearer(tokens['college-fl'] ?? ''));
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });
});
