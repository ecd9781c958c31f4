import { bi } from '../i18n/bilingual.js';

/**
 * Calendar dates are plain 'YYYY-MM-DD' strings in Asia/Shanghai. China has used UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact and avoids depending on the host's
 * time-zone database (the package also runs in browsers).
 */
export type CalendarDate = string;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidDateError extends Error {
  constructor(value: string) {
    super(
      bi(`无效日期：${value}（应为 YYYY-MM-DD）`, `Invalid date: ${value} (expected YYYY-MM-DD)`),
    );
    this.name = 'InvalidDateError';
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

// Arithmetic rather than a Date round trip: ID validation calls this for every imported row.
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

export function parseCalendarDate(value: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(value);
  if (!m) throw new InvalidDateError(value);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isRealDate(year, month, day)) throw new InvalidDateError(value);
  return { year, month, day };
}

export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = parseCalendarDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return formatCalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** ISO date strings compare correctly as strings once validated. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  parseCalendarDate(a);
  parseCalendarDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ShanghaiDateTime {
  date: CalendarDate;
  /** 'HH:MM:SS' */
  time: string;
  secondsOfDay: number;
}

/** The Beijing-time calendar date and wall-clock time of an instant. */
export function toShanghai(instant: Date | string | number): ShanghaiDateTime {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(ms)) {
    throw new Error(bi(`无效时间：${String(instant)}`, `Invalid instant: ${String(instant)}`));
  }
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  const date = formatCalendarDate(
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
  );
  const h = local.getUTCHours();
  const mi = local.getUTCMinutes();
  const s = local.getUTCSeconds();
  const time = [h, mi, s].map((n) => String(n).padStart(2, '0')).join(':');
  return { date, time, secondsOfDay: h * 3600 + mi * 60 + s };
}

let todayCache = { untilMs: 0, date: '' };

export function todayInShanghai(now?: Date): CalendarDate {
  if (now !== undefined) return toShanghai(now).date;
  // Cached for a second: bulk validation asks for "today" once per row.
  const ms = Date.now();
  if (ms >= todayCache.untilMs) todayCache = { untilMs: ms + 1000, date: toShanghai(ms).date };
  return todayCache.date;
}
