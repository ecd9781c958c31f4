import { describe, expect, it } from 'vitest';
import { PolicyNotFoundError } from '../policy/policy-registry.js';
import {
  benefitBeforePayment,
  benefitPeriod,
  checkStudentPayment,
  paymentHours,
  paymentWindowText,
} from './payment-window.js';

/** Beijing time is UTC+8: build instants the way a browser or the API would send them. */
const bj = (date: string, time: string) => `${date}T${time}+08:00`;

describe('S-2.2a student payment window — working days 2025-10-05…2025-10-20, 09:00–15:00', () => {
  it('accepts 2025-10-11, a make-up working Saturday (调休)', () => {
    expect(checkStudentPayment(bj('2025-10-11', '10:00:00'))).toEqual({ ok: true });
  });

  it('refuses 2025-10-08, a National Day holiday, naming the day', () => {
    const r = checkStudentPayment(bj('2025-10-08', '10:00:00'));
    expect(r).toMatchObject({ ok: false, clause: 'S-2.2a' });
    if (!r.ok) expect(r.message).toContain('2025-10-08是法定节假日或休息日');
  });

  it('refuses a plain weekend inside the window (2025-10-12, Sunday) and accepts the Monday after', () => {
    expect(checkStudentPayment(bj('2025-10-12', '10:00:00')).ok).toBe(false);
    expect(checkStudentPayment(bj('2025-10-13', '10:00:00')).ok).toBe(true);
  });

  it('opening and closing times are inclusive to the second', () => {
    const day = '2025-10-15';
    expect(checkStudentPayment(bj(day, '08:59:59')).ok).toBe(false);
    expect(checkStudentPayment(bj(day, '09:00:00')).ok).toBe(true);
    expect(checkStudentPayment(bj(day, '14:59:59')).ok).toBe(true);
    expect(checkStudentPayment(bj(day, '15:00:00')).ok).toBe(true);
    expect(checkStudentPayment(bj(day, '15:00:01')).ok).toBe(false);
    const late = checkStudentPayment(bj(day, '15:01:00'));
    expect(late).toMatchObject({ ok: false, clause: 'S-2.2a' });
    if (!late.ok) expect(late.message).toContain('09:00-15:00');
  });

  it('uses Beijing time whatever the instant’s offset (07:30Z is 15:30 in Beijing)', () => {
    expect(checkStudentPayment('2025-10-15T07:30:00Z').ok).toBe(false);
    expect(checkStudentPayment('2025-10-15T06:30:00Z').ok).toBe(true);
    expect(checkStudentPayment(new Date('2025-10-15T02:00:00Z')).ok).toBe(true);
  });

  it('the window dates: 2025-10-04 / 10-05 (holiday) / 10-09 first working day / 10-20 last / 10-21', () => {
    expect(checkStudentPayment(bj('2025-10-04', '10:00:00')).ok).toBe(false);
    expect(checkStudentPayment(bj('2025-10-05', '10:00:00')).ok).toBe(false);
    expect(checkStudentPayment(bj('2025-10-09', '10:00:00')).ok).toBe(true);
    expect(checkStudentPayment(bj('2025-10-20', '10:00:00')).ok).toBe(true);
    const after = checkStudentPayment(bj('2025-10-21', '10:00:00'));
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.message).toContain('不在期内');
  });

  it('a year without a student policy is an explicit error', () => {
    expect(() => checkStudentPayment(bj('2026-10-15', '10:00:00'), 2026)).toThrow(
      PolicyNotFoundError,
    );
  });
});

describe('S-2.2a the window in words, from the policy data', () => {
  it('dates and hours come from STUDENT_2025.paymentWindow', () => {
    expect(paymentHours()).toBe('09:00-15:00');
    expect(paymentWindowText(2025)).toEqual({
      zh: '2025-10-05至2025-10-20期间的工作日09:00-15:00（北京时间）',
      en: 'working days from 2025-10-05 to 2025-10-20, 09:00-15:00 Beijing time',
    });
    expect(() => paymentWindowText(2026)).toThrow(PolicyNotFoundError);
  });
});

describe('S-2.3 benefit period from the payment date', () => {
  it('costs before the payment are reimbursed manually (shown with the period)', () => {
    expect(benefitBeforePayment().zh).toContain('手工报销');
    expect(benefitBeforePayment().en).toContain('reimbursed manually');
  });

  it('a payment in October 2025 covers September–December 2025', () => {
    expect(benefitPeriod('2025-10-01')).toEqual({ from: '2025-09-01', to: '2025-12-31' });
    expect(benefitPeriod('2025-10-31')).toEqual({ from: '2025-09-01', to: '2025-12-31' });
  });

  it('a payment outside October 2025 has no defined period (explicit error, not a guess)', () => {
    expect(() => benefitPeriod('2025-09-30')).toThrow(PolicyNotFoundError);
    expect(() => benefitPeriod('2025-11-01')).toThrow(/2025-10-01/);
  });
});
