import { compareDates, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';
import { getDistributionPolicy } from '../policy/policy-registry.js';
import type { DistributionPolicy } from '../policy/policy-types.js';

/** N-2.4c: "2011年1月20日后" — returns are accepted from 2011-01-21. */
export function returnsOpen(
  date: string,
  policy: DistributionPolicy = getDistributionPolicy(),
): boolean {
  parseCalendarDate(date);
  return compareDates(date, policy.returnsOpenFrom) >= 0;
}

/** N-2.4d: "2011年3月1日后" — reissue applications are accepted from 2011-03-02. */
export function reissueOpen(
  date: CalendarDate,
  policy: DistributionPolicy = getDistributionPolicy(),
): boolean {
  return compareDates(date, policy.reissueOpenFrom) >= 0;
}

/** N-2.4b: parents collect at the original unit on or before the deadline (inclusive). */
export function collectionOverdue(
  date: CalendarDate,
  policy: DistributionPolicy = getDistributionPolicy(),
): boolean {
  return compareDates(date, policy.collectionDeadline) > 0;
}
