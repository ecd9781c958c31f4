import { compareDates, toShanghai, type CalendarDate } from '../dates/calendar-date.js';
import type { Bilingual } from '../i18n/bilingual.js';
import { isWorkingDay } from '../calendar/working-day.js';
import { ALLOWED, refuse, type RuleResult } from '../common/rule-result.js';
import { getStudentPolicy, PolicyNotFoundError } from '../policy/policy-registry.js';

function seconds(clock: string): number {
  const [h = 0, m = 0, s = 0] = clock.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** S-2.2a: the daily hours as the guide writes them, e.g. 09:00-15:00. */
export function paymentHours(policyYear = 2025): string {
  const w = getStudentPolicy(policyYear).paymentWindow;
  return `${w.opensAt.slice(0, 5)}-${w.closesAt.slice(0, 5)}`;
}

/**
 * S-2.2a: the payment window in words, from the policy data — for screens and guidance, so no
 * consumer writes the dates or hours down itself.
 */
export function paymentWindowText(policyYear = 2025): Bilingual {
  const w = getStudentPolicy(policyYear).paymentWindow;
  const hours = paymentHours(policyYear);
  return {
    zh: `${w.from}至${w.to}期间的工作日${hours}（北京时间）`,
    en: `working days from ${w.from} to ${w.to}, ${hours} Beijing time`,
  };
}

/**
 * S-2.2a: payments on working days between the window's dates (inclusive), 09:00–15:00 Beijing
 * time. Both clock ends are inclusive to the second: 15:00:00 is accepted, 15:00:01 is not.
 */
export function checkStudentPayment(at: Date | string, policyYear = 2025): RuleResult {
  const { paymentWindow: w } = getStudentPolicy(policyYear);
  const local = toShanghai(at);
  if (compareDates(local.date, w.from) < 0 || compareDates(local.date, w.to) > 0) {
    return refuse(
      'S-2.2a',
      `缴费时间为${w.from}至${w.to}期间的工作日，${local.date}不在期内`,
      `Payments are taken on working days from ${w.from} to ${w.to}; ${local.date} is outside`,
    );
  }
  if (!isWorkingDay(local.date)) {
    return refuse(
      'S-2.2a',
      `${local.date}是法定节假日或休息日，不受理缴费`,
      `${local.date} is a public holiday or rest day: no payments`,
    );
  }
  if (local.secondsOfDay < seconds(w.opensAt) || local.secondsOfDay > seconds(w.closesAt)) {
    const hours = paymentHours(policyYear);
    return refuse(
      'S-2.2a',
      `缴费时间为每日${hours}（北京时间），现在是${local.time}`,
      `Payments are taken ${hours.replace('-', '–')} Beijing time; it is ${local.time}`,
    );
  }
  return ALLOWED;
}

/** S-2.3: the benefit period of a student who paid on `paidOn`. */
export function benefitPeriod(
  paidOn: CalendarDate,
  policyYear = 2025,
): { from: CalendarDate; to: CalendarDate } {
  const { benefitPeriod: b } = getStudentPolicy(policyYear);
  if (compareDates(paidOn, b.paidFrom) < 0 || compareDates(paidOn, b.paidTo) > 0) {
    throw new PolicyNotFoundError({
      zh: `${paidOn}缴费的待遇享受期（仅规定了${b.paidFrom}至${b.paidTo}缴费的情形）`,
      en: `benefit period for a payment on ${paidOn} (only ${b.paidFrom} to ${b.paidTo} is defined)`,
    });
  }
  return { from: b.coverFrom, to: b.coverTo };
}

/** S-2.3: what the guide says about costs before the payment succeeds (shown with the period). */
export function benefitBeforePayment(policyYear = 2025): Bilingual {
  const { zh, en } = getStudentPolicy(policyYear).benefitPeriod.beforePayment;
  return { zh, en };
}
