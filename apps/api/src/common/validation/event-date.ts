import { bi, compareDates } from '@sscard/rules';
import { ValidationFailed } from '../errors/api-errors.js';

/**
 * The date an event happened (signedOn, returnedOn, appliedOn …): today's business date when the
 * body leaves it out, and never after today — a future event is an input mistake (422).
 */
export function eventDate(value: string | undefined, today: string, field: string): string {
  const date = value ?? today;
  if (compareDates(date, today) > 0) {
    throw new ValidationFailed({
      [field]: bi(`日期不能晚于今天（${today}）`, `The date may not be after today (${today})`),
    });
  }
  return date;
}
