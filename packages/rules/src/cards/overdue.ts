import { compareDates, type CalendarDate } from '../dates/calendar-date.js';
import { getDistributionPolicy } from '../policy/policy-registry.js';
import type { DistributionPolicy } from '../policy/policy-types.js';
import type { CardState } from './card-states.js';

/** "X日前" includes day X: a deadline is past only from the day after (clauses.md). */
export function isPastDeadline(today: CalendarDate, deadline: CalendarDate): boolean {
  return compareDates(today, deadline) > 0;
}

export type CardDeadlineKind = 'pickup' | 'collection';

export interface OverdueCard {
  kind: CardDeadlineKind;
  deadline: CalendarDate;
  clause: string;
}

/**
 * N-3: which deadline a card has missed, if any — a unit that has not collected its batch by the
 * pickup notice's deadline (N-2.2b), or a card still at the unit after the parents' collection
 * deadline (N-2.4b). Overdue lists per unit and per deadline are built from this.
 */
export function cardOverdue(
  state: CardState,
  today: CalendarDate,
  options: { pickupDeadline?: CalendarDate; policy?: DistributionPolicy } = {},
): OverdueCard | undefined {
  const policy = options.policy ?? getDistributionPolicy();
  if (
    state === 'awaiting_pickup' &&
    options.pickupDeadline &&
    isPastDeadline(today, options.pickupDeadline)
  ) {
    return { kind: 'pickup', deadline: options.pickupDeadline, clause: 'N-2.2b' };
  }
  if (state === 'at_unit' && isPastDeadline(today, policy.collectionDeadline)) {
    return { kind: 'collection', deadline: policy.collectionDeadline, clause: 'N-2.4b' };
  }
  return undefined;
}
