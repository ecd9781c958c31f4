import type { Category } from '@sscard/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedBasics, type BasicWorld } from '../fixtures.js';
import { insertCard, type RegisteredResident, registerResident } from '../residents-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let w: BasicWorld;
/** Every full ID number registered here: none may appear in a response body. */
const registered: RegisteredResident[] = [];

beforeAll(async () => {
  t = await createTestApp({ SSCARD_TODAY: '2011-03-15' });
  w = await seedBasics(t);
});
afterAll(() => t?.close());

async function resident(
  input: { category?: Category; subsidyFlags?: string[]; unitId?: string } = {},
): Promise<RegisteredResident> {
  const r = await registerResident(t, w.tokens.district, {
    currentUnitId: input.unitId ?? w.unitA.id,
    category: input.category ?? 'student_child',
    subsidyFlags: input.subsidyFlags ?? [],
  });
  registered.push(r);
  return r;
}

const enrol = (id: string, body: Record<string, unknown>, token = w.tokens.unitA) =>
  t.http
    .post(`/api/residents/${id}/enrolments`)
    .set(bearer(token))
    .send({ policyYear: 2011, enrolledOn: '2010-12-10', paymentMethod: 'cash', ...body });

const pay = (id: string, body: Record<string, unknown>, token = w.tokens.unitA, key?: string) => {
  const req = t.http.post(`/api/enrolments/${id}/payments`).set(bearer(token));
  if (key) req.set('Idempotency-Key', key);
  return req.send({ policyYear: 2011, paidOn: '2010-12-20', method: 'cash', ...body });
};

function expectMasked(body: unknown): void {
  const text = JSON.stringify(body);
  for (const r of registered) expect(text).not.toContain(r.idNumber);
}

describe('N-1.3a / S-2.1 the 2011 fee of each category', () => {
  const cases: [Category, number][] = [
    ['elderly', 300],
    ['student_child', 100],
    ['unemployed', 600],
    ['unemployed_disabled', 300],
  ];
  for (const [category, fee] of cases) {
    it(`N-1.3a ${category} pays ${fee} 元`, async () => {
      const r = await resident({ category });
      const res = await enrol(r.id, { category });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        policyYear: 2011,
        category,
        feeYuan: fee,
        exempt: false,
        requiredDepositYuan: null,
        januaryCover: false,
        exemptionRefused: null,
        unit: { id: w.unitA.id, name: '朝阳区实验小学' },
      });
      expectMasked(res.body);
    });
  }

  it('N-2.5 a resident may enrol at the standard of an age change; any other category is a 422', async () => {
    const r = await resident({ category: 'student_child' });
    const wrong = await enrol(r.id, { category: 'elderly' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.fields.category).toBeDefined();
    const grown = await enrol(r.id, { category: 'unemployed' });
    expect(grown.status).toBe(201);
    expect(grown.body.feeYuan).toBe(600);
  });
});

describe('N-1.4a / N-1.4b exemption needs a passed verification for that very year', () => {
  const verify = (id: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/residents/${id}/subsidy-verifications`)
      .set(bearer(w.tokens.unitA))
      .send({
        policyYear: 2011,
        flag: 'minimum_living_allowance',
        passed: true,
        actedBy: 'civil_affairs',
        evidence: '低保证',
        verifiedOn: '2010-12-02',
        ...body,
      });

  it('N-1.4a passed for 2011 → exempt, fee 0, January cover secured; a payment is refused', async () => {
    const r = await resident({ category: 'elderly' });
    expect((await verify(r.id, {})).status).toBe(201);
    const res = await enrol(r.id, { category: 'elderly' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      feeYuan: 0,
      exempt: true,
      januaryCover: true,
      exemptionRefused: null,
    });
    const payment = await pay(res.body.id, { amountYuan: 0 });
    expect(payment.status).toBe(409);
    expect(payment.body.clause).toBe('N-1.4a');
  });

  it('N-1.4a a verification of another year, or a failed one, does not exempt', async () => {
    const lastYear = await resident({ subsidyFlags: ['minimum_living_allowance'] });
    expect((await verify(lastYear.id, { policyYear: 2010, verifiedOn: '2010-01-05' })).status).toBe(
      201,
    );
    const a = await enrol(lastYear.id, { category: 'student_child' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ feeYuan: 100, exempt: false });
    expect(a.body.exemptionRefused.clause).toBe('N-1.4a');
    const failed = await resident();
    expect((await verify(failed.id, { passed: false })).status).toBe(201);
    const b = await enrol(failed.id, { category: 'student_child' });
    expect(b.body).toMatchObject({ feeYuan: 100, exempt: false });
  });

  it('N-1.4b a claimed flag that does not fit the category is refused with its clause', async () => {
    const r = await resident({ category: 'elderly', subsidyFlags: ['severely_disabled_minor'] });
    const res = await enrol(r.id, { category: 'elderly' });
    expect(res.body).toMatchObject({ feeYuan: 300, exempt: false });
    expect(res.body.exemptionRefused.clause).toBe('N-1.4b');
  });
});

describe('N-1.3d bank withholding: 京卡 payers deposit 1 元 more', () => {
  it('京卡 → fee + 1, other accounts → fee; the account is required for withholding', async () => {
    const a = await resident();
    const jingka = await enrol(a.id, {
      category: 'student_child',
      paymentMethod: 'bank_withholding',
      depositAccount: 'jingka',
    });
    expect(jingka.body).toMatchObject({ feeYuan: 100, requiredDepositYuan: 101 });
    const b = await resident({ category: 'unemployed' });
    const other = await enrol(b.id, {
      category: 'unemployed',
      paymentMethod: 'bank_withholding',
      depositAccount: 'other',
    });
    expect(other.body).toMatchObject({ feeYuan: 600, requiredDepositYuan: 600 });
    const c = await resident();
    const missing = await enrol(c.id, {
      category: 'student_child',
      paymentMethod: 'bank_withholding',
    });
    expect(missing.status).toBe(422);
    expect(missing.body.fields.depositAccount).toBeDefined();
  });
});

describe('N-1.1a the 2011 enrolment window, 2010-12-01 … 2011-02-28 inclusive', () => {
  const cases: [string, number][] = [
    ['2010-11-30', 409],
    ['2010-12-01', 201],
    ['2011-02-28', 201],
    ['2011-03-01', 409],
  ];
  for (const [date, status] of cases) {
    it(`N-1.1a enrolling on ${date} → ${status}`, async () => {
      const r = await resident();
      const res = await enrol(r.id, { category: 'student_child', enrolledOn: date });
      expect(res.status).toBe(status);
      if (status === 409) {
        expect(res.body.clause).toBe('N-1.1a');
        expect(res.body.message).toContain('2010-12-01');
      }
    });
  }

  it('N-1.2 a year without policy data is a 422 on policyYear; a future date or bad body is a 422', async () => {
    const r = await resident();
    const y2012 = await enrol(r.id, {
      category: 'student_child',
      policyYear: 2012,
      enrolledOn: '2011-03-01',
    });
    expect(y2012.status).toBe(422);
    expect(y2012.body.fields.policyYear).toContain('未加载政策数据');
    const y2010 = await enrol(r.id, { category: 'student_child', policyYear: 2010 });
    expect(y2010.status).toBe(422);
    const future = await enrol(r.id, { category: 'student_child', enrolledOn: '2011-03-16' });
    expect(future.status).toBe(422);
    expect(future.body.fields.enrolledOn).toBeDefined();
    const bad = await t.http
      .post(`/api/residents/${r.id}/enrolments`)
      .set(bearer(w.tokens.unitA))
      .send({ policyYear: 'x', paymentMethod: 'cheque' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(
      ['category', 'enrolledOn', 'paymentMethod', 'policyYear'].sort(),
    );
  });

  it('one enrolment per resident and year (422); another unit or district gets a 404', async () => {
    const r = await resident();
    expect((await enrol(r.id, { category: 'student_child' })).status).toBe(201);
    const again = await enrol(r.id, { category: 'student_child' });
    expect(again.status).toBe(422);
    expect(again.body.fields.policyYear).toContain('2011');
    const other = await resident();
    expect((await enrol(other.id, { category: 'student_child' }, w.tokens.unitB)).status).toBe(404);
    expect(
      (await enrol(other.id, { category: 'student_child' }, w.tokens.otherDistrict)).status,
    ).toBe(404);
    expect((await enrol('nope', { category: 'student_child' })).status).toBe(404);
  });
});

describe('payments: amount = fee (N-1.3a), withholding rounds (N-1.3c), January cover (N-1.1c)', () => {
  async function enrolled(body: Record<string, unknown> = {}): Promise<string> {
    const r = await resident();
    const res = await enrol(r.id, { category: 'student_child', ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const withholding = { paymentMethod: 'bank_withholding', depositAccount: 'jingka' };

  const rounds: [string, number | null, boolean][] = [
    ['2010-12-24', 1, true],
    ['2010-12-25', 2, true],
    ['2011-01-24', 2, false],
    ['2011-02-20', 3, false],
  ];
  for (const [paidOn, round, cover] of rounds) {
    it(`N-1.3c a deposit on ${paidOn} is withheld in round ${round}`, async () => {
      const id = await enrolled({ ...withholding, enrolledOn: '2010-12-01' });
      const res = await pay(id, { amountYuan: 100, paidOn, method: 'bank_withholding' });
      expect(res.status).toBe(201);
      expect(res.body.payment).toMatchObject({ amountYuan: 100, paidOn, withholdingRound: round });
      expect(res.body.januaryCover).toBe(cover);
      expectMasked(res.body);
    });
  }

  it('N-1.3c after the last round (2011-02-20) the withholding is missed', async () => {
    const id = await enrolled({ ...withholding, enrolledOn: '2010-12-01' });
    const res = await pay(id, {
      amountYuan: 100,
      paidOn: '2011-02-21',
      method: 'bank_withholding',
    });
    expect(res.status).toBe(409);
    expect(res.body.clause).toBe('N-1.3c');
  });

  it('N-1.1c cash paid by 2010-12-30 secures cover from 1 January; the day after does not', async () => {
    const onTime = await pay(await enrolled(), { amountYuan: 100, paidOn: '2010-12-30' });
    expect(onTime.status).toBe(201);
    expect(onTime.body).toMatchObject({ januaryCover: true, payment: { withholdingRound: null } });
    const late = await pay(await enrolled(), { amountYuan: 100, paidOn: '2010-12-31' });
    expect(late.body.januaryCover).toBe(false);
  });

  it('N-1.3a a wrong amount is refused; N-1.1a a payment after the window too', async () => {
    const id = await enrolled();
    const wrong = await pay(id, { amountYuan: 101 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.clause).toBe('N-1.3a');
    const lateId = await enrolled({ enrolledOn: '2011-02-28' });
    const late = await pay(lateId, { amountYuan: 100, paidOn: '2011-03-01' });
    expect(late.status).toBe(409);
    expect(late.body.clause).toBe('N-1.1a');
  });

  it('bad input is a 422: fields, year, method, dates', async () => {
    const id = await enrolled();
    const bad = await t.http
      .post(`/api/enrolments/${id}/payments`)
      .set(bearer(w.tokens.unitA))
      .send({ amountYuan: 10.5, method: 'gold' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(
      ['amountYuan', 'method', 'paidOn', 'policyYear'].sort(),
    );
    const mismatch = await pay(id, {
      amountYuan: 100,
      policyYear: 2025,
      method: 'bank_withholding',
    });
    expect(mismatch.status).toBe(422);
    expect(Object.keys(mismatch.body.fields).sort()).toEqual(['method', 'policyYear']);
    expect((await pay(id, { amountYuan: 100, paidOn: '2011-03-16' })).status).toBe(422);
    expect((await pay(id, { amountYuan: 100, paidOn: '2010-12-09' })).status).toBe(422);
  });

  it('one payment per enrolment; an Idempotency-Key retry returns the first answer', async () => {
    const id = await enrolled();
    const first = await pay(id, { amountYuan: 100 }, w.tokens.unitA, 'pay-1');
    expect(first.status).toBe(201);
    const retry = await pay(id, { amountYuan: 100 }, w.tokens.unitA, 'pay-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const reused = await pay(
      id,
      { amountYuan: 100, paidOn: '2010-12-21' },
      w.tokens.unitA,
      'pay-1',
    );
    expect(reused.status).toBe(422);
    const twice = await pay(id, { amountYuan: 100 });
    expect(twice.status).toBe(409);
    const rows = await t.sql('SELECT 1 FROM payment WHERE enrolment_id = $1', [id]);
    expect(rows).toHaveLength(1);
    const audit = await t.sql(
      `SELECT 1 FROM audit_log WHERE entity = 'payment' AND after->>'enrolmentId' = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
  });

  it('another unit or district gets a 404', async () => {
    const id = await enrolled();
    expect((await pay(id, { amountYuan: 100 }, w.tokens.unitB)).status).toBe(404);
    expect((await pay(id, { amountYuan: 100 }, w.tokens.otherDistrict)).status).toBe(404);
    expect((await pay('x', { amountYuan: 100 })).status).toBe(404);
  });
});

describe('enrolment lists and detail: scoped, filtered, masked', () => {
  let atB: string;
  beforeAll(async () => {
    const r = await resident({ unitId: w.unitB.id });
    const res = await enrol(r.id, { category: 'student_child' }, w.tokens.unitB);
    atB = res.body.id;
  });

  it('district staff list all, filter by year, unit and paid; masked', async () => {
    const all = await t.http
      .get('/api/enrolments?policyYear=2011&pageSize=200')
      .set(bearer(w.tokens.district));
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(10);
    expectMasked(all.body);
    const paid = await t.http
      .get('/api/enrolments?paid=true&pageSize=200')
      .set(bearer(w.tokens.district));
    expect(paid.body.items.length).toBeGreaterThan(0);
    expect(paid.body.items.every((e: { payment: unknown }) => e.payment !== null)).toBe(true);
    const unpaid = await t.http
      .get('/api/enrolments?paid=false&pageSize=200')
      .set(bearer(w.tokens.district));
    expect(unpaid.body.items.every((e: { payment: unknown }) => e.payment === null)).toBe(true);
    expect(paid.body.total + unpaid.body.total).toBe(all.body.total);
    const atUnitB = await t.http
      .get(`/api/enrolments?unitId=${w.unitB.id}`)
      .set(bearer(w.tokens.district));
    expect(atUnitB.body.items.map((e: { id: string }) => e.id)).toEqual([atB]);
    const none = await t.http.get('/api/enrolments?policyYear=2025').set(bearer(w.tokens.district));
    expect(none.body.total).toBe(0);
  });

  it('unit staff see their unit’s enrolments; another district sees none; bad queries are 422', async () => {
    const b = await t.http.get('/api/enrolments').set(bearer(w.tokens.unitB));
    expect(b.body.items.map((e: { id: string }) => e.id)).toEqual([atB]);
    const a = await t.http.get('/api/enrolments?pageSize=200').set(bearer(w.tokens.unitA));
    expect(a.body.items.some((e: { id: string }) => e.id === atB)).toBe(false);
    const other = await t.http.get('/api/enrolments').set(bearer(w.tokens.otherDistrict));
    expect(other.body.total).toBe(0);
    for (const q of ['paid=maybe', 'policyYear=abc', 'unitId=x', 'sort=fee']) {
      expect(
        (await t.http.get(`/api/enrolments?${q}`).set(bearer(w.tokens.district))).status,
        q,
      ).toBe(422);
    }
  });

  it('detail is scoped: 404 for another unit or district', async () => {
    const ok = await t.http.get(`/api/enrolments/${atB}`).set(bearer(w.tokens.unitB));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: atB, feeYuan: 100, payment: null });
    expectMasked(ok.body);
    expect((await t.http.get(`/api/enrolments/${atB}`).set(bearer(w.tokens.unitA))).status).toBe(
      404,
    );
    expect(
      (await t.http.get(`/api/enrolments/${atB}`).set(bearer(w.tokens.otherDistrict))).status,
    ).toBe(404);
    expect((await t.http.get('/api/enrolments/1').set(bearer(w.tokens.district))).status).toBe(404);
  });
});

describe('N-1.5 temporary certificate for new enrolees without a card', () => {
  let holder: RegisteredResident;
  let certificateId: string;

  it('is issued with the enrolment, numbered by district, year and sequence', async () => {
    holder = await resident();
    const res = await enrol(holder.id, { category: 'student_child', enrolledOn: '2010-12-02' });
    expect(res.status).toBe(201);
    expect(res.body.temporaryCertificate).toMatchObject({
      residentId: holder.id,
      issuedOn: '2010-12-02',
      closedOn: null,
    });
    expect(res.body.temporaryCertificate.number).toMatch(/^LS-110105-2010-\d{6}$/);
    certificateId = res.body.temporaryCertificate.id;
    const numbers = await t.sql<{ number: string }>('SELECT number FROM temporary_certificate');
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
    expect(numbers.map((n) => n.number)).toContain('LS-110105-2010-000001');
    const got = await t.http
      .get(`/api/residents/${holder.id}/temporary-certificate`)
      .set(bearer(w.tokens.unitA));
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(certificateId);
  });

  it('is not issued when the person already has a card', async () => {
    const r = await resident();
    await insertCard(t, { residentId: r.id, madeForUnitId: w.unitA.id, state: 'made' });
    const res = await enrol(r.id, { category: 'student_child' });
    expect(res.body.temporaryCertificate).toBeNull();
    const got = await t.http
      .get(`/api/residents/${r.id}/temporary-certificate`)
      .set(bearer(w.tokens.unitA));
    expect(got.status).toBe(404);
  });

  it('is scoped (404) and closed once by the district centre', async () => {
    const path = `/api/temporary-certificates/${certificateId}/close`;
    expect(
      (
        await t.http
          .get(`/api/residents/${holder.id}/temporary-certificate`)
          .set(bearer(w.tokens.unitB))
      ).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .get(`/api/residents/${holder.id}/temporary-certificate`)
          .set(bearer(w.tokens.otherDistrict))
      ).status,
    ).toBe(404);
    expect((await t.http.post(path).set(bearer(w.tokens.unitA)).send({})).status).toBe(403);
    expect((await t.http.post(path).set(bearer(w.tokens.otherDistrict)).send({})).status).toBe(404);
    const before = await t.http
      .post(path)
      .set(bearer(w.tokens.district))
      .send({ closedOn: '2010-12-01' });
    expect(before.status).toBe(422);
    const future = await t.http
      .post(path)
      .set(bearer(w.tokens.district))
      .send({ closedOn: '2011-03-16' });
    expect(future.status).toBe(422);
    const bad = await t.http.post(path).set(bearer(w.tokens.district)).send({ closedOn: 5 });
    expect(bad.status).toBe(422);
    const closed = await t.http
      .post(path)
      .set(bearer(w.tokens.district))
      .send({ closedOn: '2011-02-01' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id: certificateId, closedOn: '2011-02-01' });
    const again = await t.http.post(path).set(bearer(w.tokens.district)).send({});
    expect(again.status).toBe(409);
    const audit = await t.sql(
      `SELECT action FROM audit_log WHERE entity = 'temporary_certificate' AND entity_id = $1 ORDER BY id`,
      [certificateId],
    );
    expect(audit).toEqual([{ action: 'issue' }, { action: 'close' }]);
  });
});

describe('concurrency: certificate numbers and single payments hold under parallel requests', () => {
  it('N-1.5 parallel enrolments get distinct certificate numbers; parallel payments record one', async () => {
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => resident()));
    const results = await Promise.all(
      people.map((p) => enrol(p.id, { category: 'student_child', enrolledOn: '2010-12-03' })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const numbers = results.map((r) => r.body.temporaryCertificate.number as string);
    expect(new Set(numbers).size).toBe(5);
    const enrolmentId = results[0]?.body.id as string;
    const payments = await Promise.all(
      [1, 2, 3, 4].map(() => pay(enrolmentId, { amountYuan: 100 })),
    );
    expect(payments.map((p) => p.status).sort()).toEqual([201, 409, 409, 409]);
  });
});

describe('no 500 anywhere: malformed bodies and queries on every endpoint', () => {
  it('answers 4xx to junk', async () => {
    const r = await resident();
    const e = await enrol(r.id, { category: 'student_child' });
    const id = e.body.id as string;
    const junk: unknown[] = [[], 'x', 42, null, { policyYear: 1e308 }, { amountYuan: -1 }];
    const posts = [
      `/api/residents/${r.id}/enrolments`,
      `/api/enrolments/${id}/payments`,
      `/api/temporary-certificates/${id}/close`,
      '/api/residents',
      `/api/residents/${r.id}/subsidy-verifications`,
      `/api/residents/${r.id}/category-change`,
      `/api/residents/${r.id}/category-change/${id}/synced`,
    ];
    for (const path of posts) {
      for (const body of junk) {
        const res = await t.http
          .post(path)
          .set(bearer(w.tokens.district))
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    }
    const puts = await t.http
      .put(`/api/residents/${r.id}/institutions`)
      .set(bearer(w.tokens.district))
      .send({ designatedInstitutions: 'all' });
    expect(puts.status).toBe(422);
    for (const q of [
      '/api/enrolments?page=-1',
      '/api/enrolments?search=%25%5F',
      '/api/residents?search=********',
      '/api/residents?search=%E2%80%8B',
      '/api/residents/missing-community-institution?policyYear=99999',
      `/api/residents/${r.id}?full[]=1`,
    ]) {
      const res = await t.http.get(q).set(bearer(w.tokens.district));
      expect(res.status, q).toBeLessThan(500);
    }
  });
});
