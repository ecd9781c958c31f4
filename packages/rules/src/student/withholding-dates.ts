import { bankDeductionDate, CalendarNotCoveredError } from '../calendar/working-day.js';
import { compareDates, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';

/**
 * S-2.2b: the next `count` bank batch-withholding dates on or after `from` (the 15th of each
 * month, moved to the next working day). Months whose holiday calendar is not loaded are left
 * out rather than guessed, so the list can be shorter than `count` near the end of the data.
 */
export function nextBankDeductionDates(from: CalendarDate, count = 2): CalendarDate[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be ≥ 0: ${count}`);
  let { year, month } = parseCalendarDate(from);
  const dates: CalendarDate[] = [];
  while (dates.length < count) {
    let date: CalendarDate;
    try {
      date = bankDeductionDate(year, month);
    } catch (error) {
      if (error instanceof CalendarNotCoveredError) break;
      throw error;
    }
    if (compareDates(date, from) >= 0) dates.push(date);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return dates;
}
