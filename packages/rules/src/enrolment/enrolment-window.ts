import { bi } from '../i18n/bilingual.js';
import { compareDates, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';
import { enrolmentWindow, getEnrolmentPolicy } from '../policy/policy-registry.js';
import { ALLOWED, refuse, type RuleResult } from '../common/rule-result.js';

/** N-1.1a / N-1.1b: enrolment and payment only inside the year's window (inclusive). */
export function checkEnrolmentDate(policyYear: number, date: CalendarDate): RuleResult {
  const window = enrolmentWindow(policyYear);
  if (compareDates(date, window.from) < 0 || compareDates(date, window.to) > 0) {
    return refuse(
      window.clause,
      `${policyYear}年度参保缴费期为${window.from}至${window.to}，${date}不在期内`,
      `The ${policyYear} enrolment window is ${window.from} to ${window.to}; ${date} is outside it`,
    );
  }
  return ALLOWED;
}

export type CoverStart =
  | { secured: true; from: CalendarDate; clause: 'N-1.1c' }
  | { secured: false; clause: 'N-1.1c'; message: string };

/**
 * N-1.1c: paid on or before the cut-off (2010-12-30 for 2011) secures cover from 1 January.
 * For a later payment the notice names no start date, so none is invented here.
 */
export function coverStartFromJanuary(policyYear: number, paidOn: CalendarDate): CoverStart {
  parseCalendarDate(paidOn);
  const cutOff = getEnrolmentPolicy(policyYear).januaryCoverPaidBy;
  const january = `${policyYear}-01-01`;
  if (cutOff !== undefined && compareDates(paidOn, cutOff) <= 0) {
    return { secured: true, from: january, clause: 'N-1.1c' };
  }
  return {
    secured: false,
    clause: 'N-1.1c',
    message: bi(
      cutOff
        ? `${cutOff}之后缴费，不能保证自${january}起享受待遇`
        : `${policyYear}年度未规定1月1日起享受待遇的缴费截止日`,
      cutOff
        ? `Paid after ${cutOff}: cover from ${january} is not secured`
        : `No cut-off for cover from 1 January is loaded for ${policyYear}`,
    ),
  };
}

/** N-1.5: new enrolees from the policy's date get a temporary certificate while the card is made. */
export function needsTemporaryCertificate(policyYear: number, enrolledOn: CalendarDate): boolean {
  parseCalendarDate(enrolledOn);
  const from = getEnrolmentPolicy(policyYear).temporaryCertificateFrom;
  return from !== undefined && compareDates(enrolledOn, from) >= 0;
}
