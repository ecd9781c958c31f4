import { bankDeductionDate, CalendarNotCoveredError } from '../calendar/working-day.js';
import { compareDates, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';
import { getStudentPolicy } from '../policy/policy-registry.js';
import { paymentHours } from './payment-window.js';
import type { StudentStatus } from './student-progress.js';

/**
 * S-2.2b: the next `count` bank batch-withholding dates on or after `from` (the 15th of each
 * month, moved to the next working day). Months whose holiday calendar is not loaded are left
 * out rather than guessed, so the list can be shorter than `count` near the end of the data.
 */
export function nextBankDeductionDates(from: CalendarDate, count = 2): CalendarDate[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be ≥ 0: ${count}`);
  return deductionDates(from, (dates) => dates.length >= count);
}

/** Withholding dates from `from` on, until `done` says the list is long enough. */
function deductionDates(
  from: CalendarDate,
  done: (dates: CalendarDate[], next: CalendarDate) => boolean,
): CalendarDate[] {
  let { year, month } = parseCalendarDate(from);
  const dates: CalendarDate[] = [];
  for (;;) {
    let date: CalendarDate;
    try {
      date = bankDeductionDate(year, month);
    } catch (error) {
      if (error instanceof CalendarNotCoveredError) return dates;
      throw error;
    }
    if (done(dates, date)) return dates;
    if (compareDates(date, from) >= 0) dates.push(date);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * What a student waiting to pay is told about bank batch withholding (S-2.2b) within the
 * payment window (S-2.2a): a withholding outside the window would be a payment the window
 * refuses, so only the dates inside it are shown.
 * - `scheduled`: the withholding dates still ahead inside the window;
 * - `none_left`: the window is open but its last withholding date has passed — pay another way;
 * - `closed`: the window is over.
 */
export interface WithholdingOutlook {
  clause: 'S-2.2b';
  state: 'scheduled' | 'none_left' | 'closed';
  dates: CalendarDate[];
  zh: string;
  en: string;
}

export function withholdingOutlook(today: CalendarDate, policyYear = 2025): WithholdingOutlook {
  const w = getStudentPolicy(policyYear).paymentWindow;
  const hours = paymentHours(policyYear);
  if (compareDates(today, w.to) > 0) {
    return {
      clause: 'S-2.2b',
      state: 'closed',
      dates: [],
      zh: `缴费期（${w.from}至${w.to}）已结束，不再有银行批量扣款`,
      en: `The payment window (${w.from} to ${w.to}) is closed: no more bank batch withholding`,
    };
  }
  const from = compareDates(today, w.from) < 0 ? w.from : today;
  // The 15th moves forward only (to the next working day), so once a date is past the window's
  // end every later month's is too.
  const dates = deductionDates(from, (_, next) => compareDates(next, w.to) > 0);
  if (dates.length === 0) {
    return {
      clause: 'S-2.2b',
      state: 'none_left',
      dates: [],
      zh: `缴费期内已无银行批量扣款日，请于${w.to}前的工作日${hours}通过其他方式缴费`,
      en: `No bank batch withholding is left in the payment window: pay another way by ${w.to}, working days ${hours}`,
    };
  }
  return {
    clause: 'S-2.2b',
    state: 'scheduled',
    dates,
    zh: `已签订批扣协议的，银行将于${dates.join('、')}扣款`,
    en: `With a withholding agreement, the bank collects on ${dates.join(', ')}`,
  };
}

/**
 * S-2.2b is relevant only to a student who has been reviewed and not yet paid; for everyone
 * else there is nothing to show (null).
 */
export function studentWithholding(
  status: StudentStatus,
  today: CalendarDate,
  policyYear = 2025,
): WithholdingOutlook | null {
  return status === 'reviewed' ? withholdingOutlook(today, policyYear) : null;
}
