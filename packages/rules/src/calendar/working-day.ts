import chineseDays from 'chinese-days';
import {
  addDays,
  type CalendarDate,
  dayOfWeek,
  formatCalendarDate,
  parseCalendarDate,
} from '../dates/calendar-date.js';
import { type Bilingual, bi } from '../i18n/bilingual.js';
import { STUDENT_2025 } from '../policy/student-guide-2025.js';

/**
 * Years whose State Council holiday arrangement (国务院办公厅关于…部分节假日安排的通知) is loaded.
 * chinese-days answers for any year, but outside its data it silently treats every Monday–Friday
 * as a working day. Holidays are published one year at a time (each November), so a guess is
 * wrong for roughly a dozen days a year; we refuse instead. See docs/calendar.md for how to add
 * a year.
 */
export const CALENDAR_COVERAGE = { from: 2004, to: 2026, source: 'chinese-days@1.5.7' } as const;

/** Clause S-2.2b: bank batch withholding is on this day of every month (policy data). */
export const BANK_DEDUCTION_DAY_OF_MONTH = STUDENT_2025.bankDeductionDayOfMonth;

export class CalendarNotCoveredError extends Error {
  readonly year: number;

  constructor(year: number) {
    const { from, to, source } = CALENDAR_COVERAGE;
    super(
      bi(
        `${year} 年的节假日安排（国务院办公厅部分节假日安排通知）尚未载入，无法判断工作日；` +
          `当前只载入 ${from}–${to} 年（${source}），需升级节假日数据后才能支持 ${year} 年`,
        `The holiday arrangement for ${year} (State Council notice on public holidays) is not loaded, ` +
          `so working days cannot be determined; only ${from}–${to} are loaded (${source}). ` +
          `Upgrade the holiday data to support ${year}.`,
      ),
    );
    this.name = 'CalendarNotCoveredError';
    this.year = year;
  }
}

export class InvalidYearMonthError extends Error {
  constructor(year: unknown, month: unknown) {
    super(
      bi(
        `无效年月：${String(year)} 年 ${String(month)} 月（年份须为整数，月份须为 1–12 的整数）`,
        `Invalid year/month: ${String(year)}-${String(month)} (year must be an integer, month an integer 1–12)`,
      ),
    );
    this.name = 'InvalidYearMonthError';
  }
}

export class InvalidWorkingDayCountError extends Error {
  constructor(n: unknown) {
    super(
      bi(
        `无效的工作日数：${String(n)}（须为非负整数）`,
        `Invalid number of working days: ${String(n)} (must be a non-negative integer)`,
      ),
    );
    this.name = 'InvalidWorkingDayCountError';
  }
}

export class InvalidDateRangeError extends Error {
  constructor(from: CalendarDate, to: CalendarDate) {
    super(
      bi(
        `无效日期区间：起始日 ${from} 晚于结束日 ${to}`,
        `Invalid date range: start ${from} is after end ${to}`,
      ),
    );
    this.name = 'InvalidDateRangeError';
  }
}

export type DayKindName = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayKind {
  date: CalendarDate;
  working: boolean;
  kind: DayKindName;
  /**
   * For 'holiday', the festival the day off belongs to; for 'makeup_workday', the festival the
   * weekend is worked for (e.g. 2025-10-11 → 国庆节). Absent for ordinary workdays and weekends.
   */
  holidayName?: Bilingual;
}

function assertCovered(year: number): void {
  if (year < CALENDAR_COVERAGE.from || year > CALENDAR_COVERAGE.to) {
    throw new CalendarNotCoveredError(year);
  }
}

/**
 * chinese-days labels days that appear in an arrangement as 'English,中文,<statutory days>'
 * (e.g. 'National Day,国庆节,3') and every other day with its English weekday name.
 */
function parseArrangementName(name: string): Bilingual | undefined {
  const [en, zh] = name.split(',');
  if (en === undefined || zh === undefined || en === '' || zh === '') return undefined;
  return { zh, en };
}

export function dayKind(date: CalendarDate): DayKind {
  const { year } = parseCalendarDate(date);
  assertCovered(year);
  // Only the arrangement lookup is taken from chinese-days. Its own weekday test reads the host's
  // local time zone, and in zones west of UTC (a browser in the Americas) it shifts by one day;
  // its table lookup for a 'YYYY-MM-DD' string stays consistent in every zone, and the weekday
  // comes from our UTC-based dayOfWeek.
  const detail = chineseDays.getDayDetail(date);
  const arranged = parseArrangementName(detail.name);
  const dow = dayOfWeek(date);
  const weekend = dow === 0 || dow === 6;
  if (arranged !== undefined) {
    if (detail.work) {
      return weekend
        ? { date, working: true, kind: 'makeup_workday', holidayName: arranged }
        : { date, working: true, kind: 'workday' };
    }
    return { date, working: false, kind: 'holiday', holidayName: arranged };
  }
  return weekend
    ? { date, working: false, kind: 'weekend' }
    : { date, working: true, kind: 'workday' };
}

/**
 * Clause S-2.2a. Weekend make-up days (调休上班) are working days; statutory holidays, the days
 * taken in lieu around them, and ordinary weekends are not.
 */
export function isWorkingDay(date: CalendarDate): boolean {
  return dayKind(date).working;
}

export function nextWorkingDayOnOrAfter(date: CalendarDate): CalendarDate {
  // Terminates: the longest run of days off in the data is 10 days (Spring Festival 2020), and a
  // walk past the last covered year throws CalendarNotCoveredError.
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * n = 0: `date` itself if it is a working day, else the next working day.
 * n ≥ 1: the n-th working day strictly after `date` — the start day is never counted, as with
 * periods counted in days (民法典第二百零一条：开始的当日不计入), whether or not it is a working day.
 */
export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new InvalidWorkingDayCountError(n);
  if (n === 0) return nextWorkingDayOnOrAfter(date);
  parseCalendarDate(date);
  let day = date;
  let remaining = n;
  while (remaining > 0) {
    day = nextWorkingDayOnOrAfter(addDays(day, 1));
    remaining -= 1;
  }
  return day;
}

/** Every working day from `from` to `to`, both ends included, in order. */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const start = parseCalendarDate(from);
  const end = parseCalendarDate(to);
  if (from > to) throw new InvalidDateRangeError(from, to);
  // Check both ends first so an uncovered range fails before any work, not part-way through.
  assertCovered(start.year);
  assertCovered(end.year);
  const days: CalendarDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) days.push(day);
  }
  return days;
}

/**
 * Clause S-2.2b: bank batch withholding is on the 15th of each month, moved to the next working
 * day when the 15th is a weekend or statutory holiday. A weekend make-up working day is a
 * working day, so the deduction can land on a Saturday (e.g. 2010-02-20).
 */
export function bankDeductionDate(year: number, month: number): CalendarDate {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new InvalidYearMonthError(year, month);
  }
  assertCovered(year);
  return nextWorkingDayOnOrAfter(formatCalendarDate(year, month, BANK_DEDUCTION_DAY_OF_MONTH));
}
