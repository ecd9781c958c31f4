import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedBasics } from '../fixtures.js';
import {
  type CreatedStudent,
  reviewedStudent,
  seedUniversity,
  type UniversityWorld,
} from '../student-fixtures.js';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let u: UniversityWorld;

beforeAll(async () => {
  // The business date is after the window, so every paidAt in it is in the past.
  t = await createTestApp({ SSCARD_TODAY: '2025-10-21' });
  await seedBasics(t);
  u = await seedUniversity(t);
});
afterAll(() => t?.close());

const reviewed = (): Promise<CreatedStudent> =>
  reviewedStudent(t, { college: u.tokens.collegeA, reviewer: u.tokens.university }, u.collegeA);

const pay = (id: string, body: Record<string, unknown>, key?: string) => {
  const req = t.http.post(`/api/students/${id}/payment`).set(bearer(u.tokens.collegeA));
  if (key) req.set('Idempotency-Key', key);
  return req.send({ channel: 'jingtong_mini_program', ...body });
};

async function statusOf(id: string): Promise<string | undefined> {
  const [row] = await t.sql<{ status: string }>('SELECT status FROM student WHERE id = $1', [id]);
  return row?.status;
}

describe('S-2.2a the payment window: working days 2025-10-05 … 2025-10-20, 09:00–15:00 Beijing time', () => {
  it('S-2.2a 2025-10-08 (National Day holiday) is refused with the guide’s message; nothing is stored', async () => {
    const s = await reviewed();
    const res = await pay(s.id, { paidAt: '2025-10-08T10:00:00+08:00' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'rule_refused',
      clause: 'S-2.2a',
      message:
        '2025-10-08是法定节假日或休息日，不受理缴费 / 2025-10-08 is a public holiday or rest day: no payments',
    });
    expect(await statusOf(s.id)).toBe('reviewed');
    const rows = await t.sql('SELECT 1 FROM student_payment WHERE student_id = $1', [s.id]);
    expect(rows).toHaveLength(0);
  });

  it('S-2.2a 2025-10-11, a make-up working Saturday (调休), is accepted', async () => {
    const s = await reviewed();
    const res = await pay(s.id, { paidAt: '2025-10-11T10:30:00+08:00', channel: 'bank_counter' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('paid');
    expect(res.body.payment).toMatchObject({
      paidAt: '2025-10-11T10:30:00+08:00',
      channel: 'bank_counter',
      amountYuan: 405,
    });
  });

  it('S-2.2a 15:01 is refused, 15:00:00 accepted; the offset is honoured (07:01Z is 15:01 in Beijing)', async () => {
    const late = await reviewed();
    const at1501 = await pay(late.id, { paidAt: '2025-10-15T15:01:00+08:00' });
    expect(at1501.status).toBe(409);
    expect(at1501.body).toMatchObject({ clause: 'S-2.2a' });
    expect(at1501.body.message).toBe(
      '缴费时间为每日09:00-15:00（北京时间），现在是15:01:00 / Payments are taken 09:00–15:00 Beijing time; it is 15:01:00',
    );
    const utc = await pay(late.id, { paidAt: '2025-10-15T07:01:00Z' });
    expect(utc.status).toBe(409);
    expect(utc.body.message).toContain('现在是15:01:00');
    const onTime = await pay(late.id, { paidAt: '2025-10-15T15:00:00+08:00' });
    expect(onTime.status).toBe(201);
    expect(onTime.body.payment.paidAt).toBe('2025-10-15T15:00:00+08:00');
  });

  it('S-2.2a without paidAt the clock decides: the business date 2025-10-21 is after the window', async () => {
    const s = await reviewed();
    const res = await pay(s.id, {});
    expect(res.status).toBe(409);
    expect(res.body.clause).toBe('S-2.2a');
    expect(res.body.message).toContain('2025-10-21不在期内');
  });

  it('a paidAt after the business date, or without an offset, is a 422', async () => {
    const s = await reviewed();
    const future = await pay(s.id, { paidAt: '2025-10-22T10:00:00+08:00' });
    expect(future.status).toBe(422);
    expect(future.body.fields.paidAt).toContain('不能晚于今天（2025-10-21）');
    const local = await pay(s.id, { paidAt: '2025-10-13T10:00:00' });
    expect(local.status).toBe(422);
    expect(local.body.fields.paidAt).toContain('带时区');
  });
});

describe('S-2.1 / S-2.3 / S-2.4 fee, benefit period and channel', () => {
  it('S-2.1 an amount other than 405 元 is refused', async () => {
    const s = await reviewed();
    const res = await pay(s.id, { paidAt: '2025-10-13T10:00:00+08:00', amountYuan: 400 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      clause: 'S-2.1',
      message: '应缴405元，实缴400元 / The fee is 405 元, not 400 元',
    });
  });

  it('S-2.4 the channel must be one of the five; S-2.3 the benefit period follows the payment', async () => {
    const s = await reviewed();
    const bad = await pay(s.id, { paidAt: '2025-10-13T10:00:00+08:00', channel: 'cash' });
    expect(bad.status).toBe(422);
    expect(bad.body.fields.channel).toContain('jingtong_mini_program');
    const ok = await pay(s.id, {
      paidAt: '2025-10-20T09:00:00+08:00',
      channel: 'bank_batch_withholding',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.payment.channelLabel.zh).toBe('银行批量扣款（需签协议）');
    expect(ok.body.benefitPeriod).toEqual({ from: '2025-09-01', to: '2025-12-31' });
  });

  it('S-2.2b after the window a reviewed, unpaid student is told it is closed — no dates the window would refuse', async () => {
    const s = await reviewed();
    const detail = await t.http.get(`/api/students/${s.id}`).set(bearer(u.tokens.collegeA));
    expect(detail.body.withholding).toEqual({
      clause: 'S-2.2b',
      state: 'closed',
      dates: [],
      zh: '缴费期（2025-10-05至2025-10-20）已结束，不再有银行批量扣款',
      en: 'The payment window (2025-10-05 to 2025-10-20) is closed: no more bank batch withholding',
    });
  });
});

describe('a payment is recorded once', () => {
  it('only a reviewed student pays; a second payment is refused; a retry with the same key returns the first', async () => {
    const s = await reviewed();
    const body = { paidAt: '2025-10-13T10:00:00+08:00' };
    const first = await pay(s.id, body, 'pay-once-1');
    expect(first.status).toBe(201);
    const retry = await pay(s.id, body, 'pay-once-1');
    expect(retry.status).toBe(201);
    expect(retry.body.payment).toEqual(first.body.payment);
    const again = await pay(s.id, body);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已缴费');
    const rows = await t.sql('SELECT 1 FROM student_payment WHERE student_id = $1', [s.id]);
    expect(rows).toHaveLength(1);
  });

  it('S-2.2a concurrent payments for one student: exactly one succeeds', async () => {
    const s = await reviewed();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => pay(s.id, { paidAt: '2025-10-13T11:00:00+08:00' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const rows = await t.sql('SELECT 1 FROM student_payment WHERE student_id = $1', [s.id]);
    expect(rows).toHaveLength(1);
  });
});
