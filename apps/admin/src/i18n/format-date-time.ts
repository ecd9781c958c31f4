import { toShanghai } from '@sscard/rules';

/** An English date and time on Beijing's clock ("10 Jan 2011, 10:23:45"). */
const ENGLISH = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant from the API (ISO 8601) on Beijing's clock, whatever the browser's time zone: in
 * Chinese as "2011-01-10 10:23:45" (the form of every business date), in English as above.
 * Something that is not an instant is shown as it came.
 */
export function formatDateTime(value: string, english: boolean): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  if (english) return ENGLISH.format(ms);
  const { date, time } = toShanghai(ms);
  return `${date} ${time}`;
}
