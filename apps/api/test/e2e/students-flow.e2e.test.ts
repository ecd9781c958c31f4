import { mod112CheckDigit } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedBasics } from '../fixtures.js';
import {
  type CreatedStudent,
  createStudent,
  downloadSummary,
  evidenceName,
  formName,
  PDF,
  registration,
  reviewedStudent,
  seedUniversity,
  upload,
  type UniversityWorld,
} from '../student-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let u: UniversityWorld;
const created: CreatedStudent[] = [];

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2025-10-21' });
  await seedBasics(t);
  u = await seedUniversity(t);
});
afterAll(() => t?.close());

const post = (id: string, path: string, token: string, body?: object) =>
  t.http
    .post(`/api/students/${id}/${path}`)
    .set(bearer(token))
    .send(body ?? {});

function expectMasked(body: unknown): void {
  const text = JSON.stringify(body);
  for (const s of created) expect(text).not.toContain(s.idNumber);
}

describe('one student through the whole flow', () => {
  it('S-1.1 / S-1.2 / S-1.3 / S-1.5 / S-1.6 / S-2.1 / S-2.2a / S-2.3 / S-2.4 / S-3.1 / S-4: create → attachments → submit → review → pay → photo → institutions', async () => {
    const a = u.tokens.collegeA;
    const s = await createStudent(t, a, u.collegeA);
    created.push(s);
    const fresh = await t.http.get(`/api/students/${s.id}`).set(bearer(a));
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      seq: 1,
      status: 'registered',
      college: { id: u.collegeA.id, name: '计算机学院' },
      university: { id: u.universityId, name: '北京示范大学' },
      eligibility: { eligible: true, clause: null, reason: null },
      deferred: false,
      feeYuan: 405,
      payment: null,
      benefitPeriod: null,
      // S-2.2b: nothing to say about bank withholding before the student is reviewed.
      withholding: null,
      declaresNoOtherCover: true,
      summaryExportedAt: null,
      fileNames: {
        attachment1: `【1${s.name}】个人参加城乡居民基本医疗保险信息登记表`,
        attachment2: `【1${s.name}】证明材料.pdf`,
      },
    });
    expect(fresh.body.idNumber).toMatch(/^110105\*{8}\d{3}[0-9X]$/);
    expect(fresh.body.evidenceRequired.map((e: { key: string }) => e.key)).toEqual([
      'resident_id_front',
      'resident_id_back',
    ]);
    expect(fresh.body.checklist.items.map((i: { done: boolean }) => i.done)).toEqual([
      false,
      false,
      false,
    ]);
    expect(fresh.body.nextSteps.map((n: { clause: string }) => n.clause)).toEqual([
      'S-1.2',
      'S-1.3',
      'S-1.4',
    ]);
    expect(fresh.body.helpLines.map((h: { number: string }) => h.number)).toEqual([
      '12333',
      '12366',
      '4007112366',
    ]);

    const early = await post(s.id, 'submit', a);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ clause: 'S-1.5' });

    const form = await upload(t, a, s.id, formName(s));
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({
      attachment: 1,
      originalName: formName(s),
      bytes: PDF.length,
    });
    expect((await upload(t, a, s.id, evidenceName(s))).status).toBe(201);
    // S-1.5: attachments 1 and 2 are there, but no summary including the student yet.
    const noSummary = await post(s.id, 'submit', a);
    expect(noSummary.status).toBe(409);
    expect(noSummary.body).toMatchObject({ clause: 'S-1.5' });

    // S-1.4: the college downloads its summary table, which ticks attachment 3.
    await downloadSummary(t, a, u.collegeA.id);
    const summarised = await t.http.get(`/api/students/${s.id}`).set(bearer(a));
    expect(summarised.body.checklist.items.map((i: { done: boolean }) => i.done)).toEqual([
      true,
      true,
      true,
    ]);
    expect(summarised.body.summaryExportedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const submitted = await post(s.id, 'submit', a);
    expect(submitted.status).toBe(200);
    expect(submitted.body.checklist.complete).toBe(true);
    expect(submitted.body.status).toBe('submitted');
    const late = await upload(t, a, s.id, evidenceName(s));
    expect(late.status).toBe(409);
    expect(late.body.clause).toBe('S-1.5');

    expect((await post(s.id, 'review', a)).status).toBe(403);
    const reviewed = await post(s.id, 'review', u.tokens.university);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('reviewed');
    // S-2.2b: reviewed and unpaid, but the business date 2025-10-21 is after the window.
    expect(reviewed.body.withholding).toMatchObject({
      clause: 'S-2.2b',
      state: 'closed',
      dates: [],
    });
    expect(reviewed.body.withholding.zh).toContain('已结束');
    expect(reviewed.body.nextSteps[0]).toMatchObject({ clause: 'S-2.2a' });
    expect(reviewed.body.nextSteps[0].zh).toContain('缴费405元');
    expect(reviewed.body.nextSteps[0].helpLines.map((h: { number: string }) => h.number)).toEqual([
      '12366',
      '4007112366',
    ]);

    const paid = await post(s.id, 'payment', a, {
      channel: 'jingtong_mini_program',
      paidAt: '2025-10-13T10:00:00+08:00',
      amountYuan: 405,
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      status: 'paid',
      payment: {
        amountYuan: 405,
        paidAt: '2025-10-13T10:00:00+08:00',
        channel: 'jingtong_mini_program',
        channelLabel: { zh: '京通小程序（推荐）' },
      },
      benefitPeriod: { from: '2025-09-01', to: '2025-12-31' },
      withholding: null,
    });
    // S-2.3: shown with the period: costs before the payment are reimbursed by hand.
    expect(paid.body.benefitBeforePayment.zh).toContain('手工报销');
    const [stored] = await t.sql<{ paid_at: Date; amount_yuan: number }>(
      'SELECT paid_at, amount_yuan FROM student_payment WHERE student_id = $1',
      [s.id],
    );
    expect(stored?.paid_at.toISOString()).toBe('2025-10-13T02:00:00.000Z');
    expect(stored?.amount_yuan).toBe(405);

    const proxy = await post(s.id, 'photo', a, { proxyHandling: true });
    expect(proxy.status).toBe(409);
    expect(proxy.body).toMatchObject({ clause: 'S-1.6' });
    expect(proxy.body.message).toContain('“否”');
    const photo = await post(s.id, 'photo', a, { proxyHandling: false });
    expect(photo.status).toBe(200);
    expect(photo.body.status).toBe('photo_recorded');

    const two = await t.http
      .put(`/api/students/${s.id}/institutions`)
      .set(bearer(a))
      .send({
        designatedInstitutions: [
          { code: 'BJ-001', kind: 'general' },
          { code: 'BJ-002', kind: 'community_health' },
          { code: 'ZY-001', kind: 'tcm' },
        ],
      });
    expect(two.status).toBe(409);
    expect(two.body.clause).toBe('S-3.1');
    expect(two.body.message).toContain('当前2所');
    const three = await t.http
      .put(`/api/students/${s.id}/institutions`)
      .set(bearer(a))
      .send({
        designatedInstitutions: [
          { code: 'BJ-001', kind: 'general' },
          { code: 'BJ-002', kind: 'community_health' },
          { code: 'BJ-003', kind: 'general' },
          { code: 'A-001', kind: 'a_class' },
        ],
      });
    expect(three.status).toBe(200);
    expect(three.body.designatedInstitutions).toHaveLength(4);
    expect(three.body.nextSteps).toEqual([]);
    expectMasked([fresh.body, submitted.body, paid.body, three.body]);

    const audit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'student' AND entity_id = $1 ORDER BY id`,
      [s.id],
    );
    expect(audit.map((r) => r.action)).toEqual([
      'create',
      'submit',
      'review',
      'pay',
      'record_photo',
      'set_institutions',
    ]);
  });

  it('S-1.6 a paid student may choose the electronic voucher instead of the card photo', async () => {
    const s = await reviewedStudent(
      t,
      { college: u.tokens.collegeA, reviewer: u.tokens.university },
      u.collegeA,
    );
    created.push(s);
    const paid = await post(s.id, 'payment', u.tokens.collegeA, {
      channel: 'bank_app',
      paidAt: '2025-10-14T14:00:00+08:00',
    });
    expect(paid.status).toBe(201);
    const voucher = await post(s.id, 'e-voucher', u.tokens.collegeA);
    expect(voucher.status).toBe(200);
    expect(voucher.body.status).toBe('e_voucher');
    expect(voucher.body.statusLabel.zh).toBe('使用医保电子凭证');
    const photo = await post(s.id, 'photo', u.tokens.collegeA, { proxyHandling: false });
    expect(photo.status).toBe(409);
    expect(photo.body.clause).toBe('S-1.6');
  });
});

describe('S-1.4 / S-1.5 attachment 3 is a summary produced since the data last changed', () => {
  it('S-1.5 a change to the registration after the summary makes it stale until the next summary', async () => {
    const a = u.tokens.collegeA;
    const s = await createStudent(t, a, u.collegeA);
    created.push(s);
    await upload(t, a, s.id, formName(s));
    await upload(t, a, s.id, evidenceName(s));
    await downloadSummary(t, a, u.collegeA.id);
    const item3 = async () => {
      const res = await t.http.get(`/api/students/${s.id}`).set(bearer(a));
      return res.body.checklist.items[2].done as boolean;
    };
    expect(await item3()).toBe(true);
    // The data changes (here in SQL: the trigger keeps registration_changed_at on any path).
    await t.sql(`UPDATE student SET phone = '13911112222' WHERE id = $1`, [s.id]);
    expect(await item3()).toBe(false);
    const stale = await post(s.id, 'submit', a);
    expect(stale.status).toBe(409);
    expect(stale.body.clause).toBe('S-1.5');
    await downloadSummary(t, a, u.collegeA.id);
    expect(await item3()).toBe(true);
    // Writing the same values, or a column the summary does not print, is not a data change.
    await t.sql(
      `UPDATE student SET phone = '13911112222', updated_at = now() + interval '1 minute' WHERE id = $1`,
      [s.id],
    );
    expect(await item3()).toBe(true);
    expect((await post(s.id, 'submit', a)).status).toBe(200);
    const audit = await t.sql<{ after: { students: number; lines: number } }>(
      `SELECT after FROM audit_log WHERE entity = 'unit' AND entity_id = $1 AND action = 'college_summary_included' ORDER BY id DESC LIMIT 1`,
      [u.collegeA.id],
    );
    expect(audit[0]?.after.lines).toBeGreaterThanOrEqual(1);
    expect(audit[0]?.after.students).toBe(audit[0]?.after.lines);
  });
});

describe('S-1.1 eligibility, with the reason when refused', () => {
  it('S-1.1 a student with employee medical insurance is stored as not eligible and cannot be submitted', async () => {
    const a = u.tokens.collegeA;
    const s = await createStudent(t, a, u.collegeA, {
      otherCover: 'employee_medical',
      declaresNoOtherCover: false,
    });
    created.push(s);
    const reason =
      '已享受职工医保，不能重复参加城乡居民基本医疗保险 / Already covered by employee medical insurance: cannot also join the resident medical insurance';
    const detail = await t.http.get(`/api/students/${s.id}`).set(bearer(a));
    expect(detail.body.eligibility).toEqual({ eligible: false, clause: 'S-1.1', reason });
    expect(detail.body.checklist.items[2]).toMatchObject({ key: 'attachment3', done: false });
    expect(detail.body.nextSteps).toHaveLength(1);
    expect(detail.body.nextSteps[0].clause).toBe('S-1.1');
    // S-1.1: nothing to upload for an ineligible student — refused with the reason.
    for (const name of [formName(s), evidenceName(s)]) {
      const refused = await upload(t, a, s.id, name);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ clause: 'S-1.1', message: reason });
    }
    // S-1.4: the summary lists eligible students only, so it does not tick attachment 3.
    await downloadSummary(t, a, u.collegeA.id);
    const after = await t.http.get(`/api/students/${s.id}`).set(bearer(a));
    expect(after.body.checklist.items[2]).toMatchObject({ key: 'attachment3', done: false });
    expect(after.body.summaryExportedAt).toBeNull();
    const submit = await post(s.id, 'submit', a);
    expect(submit.status).toBe(409);
    expect(submit.body).toEqual({
      statusCode: 409,
      error: 'rule_refused',
      clause: 'S-1.1',
      message: reason,
    });
    const list = await t.http.get('/api/students?eligible=false').set(bearer(a));
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
  });

  it('S-1.1 a part-time student is refused as not full-time', async () => {
    const s = await createStudent(t, u.tokens.collegeA, u.collegeA, { fullTimeStudent: false });
    created.push(s);
    const detail = await t.http.get(`/api/students/${s.id}`).set(bearer(u.tokens.collegeA));
    expect(detail.body.eligibility.reason).toBe(
      '仅限本校全日制在校学生参保 / Only full-time students of the school can enrol',
    );
  });
});

describe('S-1.2 / S-1.3 the registration data is checked by the shared schema', () => {
  const create = (body: Record<string, unknown>, college = u.collegeA) =>
    t.http.post(`/api/colleges/${college.id}/students`).set(bearer(u.tokens.collegeA)).send(body);

  it('S-1.3 a wrong ID check digit is a 422 with the field message', async () => {
    const body = registration();
    const id = String(body.idNumber);
    const wrong = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    const res = await create({ ...body, idNumber: wrong });
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({
      idNumber: `校验码错误（应为 ${mod112CheckDigit(id.slice(0, 17))}） / Check digit mismatch (expected ${mod112CheckDigit(id.slice(0, 17))})`,
    });
  });

  it('S-1.3 a residence permit must start with 810000/820000/830000', async () => {
    const first17 = '99000020060501123';
    const res = await create({
      ...registration(),
      idKind: 'hk_mo_tw_permit',
      idNumber: `${first17}${mod112CheckDigit(first17)}`,
    });
    expect(res.status).toBe(422);
    expect(res.body.fields.idNumber).toContain('810000（香港）');
  });

  it('S-1.2 the college on the form must be the college filed in; an ID number registers once a year', async () => {
    const other = await create(registration({ college: '外国语学院' }));
    expect(other.status).toBe(422);
    expect(other.body.fields.college).toBe(
      '院（系）应为：计算机学院（实际为“外国语学院”） / The college must be one of: 计算机学院 (got "外国语学院")',
    );
    const body = registration();
    expect((await create(body)).status).toBe(201);
    const again = await create({ ...registration(), idNumber: body.idNumber });
    expect(again.status).toBe(422);
    expect(again.body.fields.idNumber).toContain('本年度已登记');
  });

  it('S-1.3 a deferred student is flagged and must add the latest deferral proof', async () => {
    const s = await createStudent(t, u.tokens.collegeA, u.collegeA, { studyStatus: 'deferred' });
    created.push(s);
    const detail = await t.http.get(`/api/students/${s.id}`).set(bearer(u.tokens.collegeA));
    expect(detail.body.deferred).toBe(true);
    expect(detail.body.evidenceRequired.at(-1)).toEqual({
      key: 'deferral_proof',
      zh: '最新延期证明',
      en: 'Latest deferral proof',
    });
    const list = await t.http.get('/api/students?deferred=true').set(bearer(u.tokens.collegeA));
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
  });
});
