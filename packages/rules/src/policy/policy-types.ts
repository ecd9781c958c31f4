import type { CalendarDate } from '../dates/calendar-date.js';
import type { Category } from './categories.js';

/** A source document that policy values come from, cited in every refusal. */
export interface PolicySource {
  id: string;
  title: string;
}

/**
 * Enrolment and fee policy for one benefit year ("policy year" = the year the cover is for).
 * Every value is data so that a new notice is a data change (N-1.2).
 */
export interface EnrolmentPolicy {
  policyYear: number;
  source: PolicySource;
  /** N-1.3a / S-2.1: integer 元 per person per year; a missing category is "no data", not 0. */
  feesYuan: Partial<Record<Category, number>>;
  /** N-1.1a: inclusive window. */
  enrolmentWindow?: { from: CalendarDate; to: CalendarDate };
  /** N-1.1c: paid on or before this date secures cover from 1 January of the policy year. */
  januaryCoverPaidBy?: CalendarDate;
  /** N-1.3c: deposit deadlines (inclusive), in order. */
  withholdingRounds?: CalendarDate[];
  /** N-1.3d: extra 元 that 京卡 holders deposit on top of the fee. */
  jingkaExtraYuan?: number;
  /** N-1.5: new enrolees from this date get a temporary certificate while the card is made. */
  temporaryCertificateFrom?: CalendarDate;
  /** N-1.6: deadline (inclusive) to add a community health-service institution. */
  communityInstitutionDeadline?: CalendarDate;
}

/** Standing enrolment window that applies from a benefit year on (N-1.1b). */
export interface StandingEnrolmentWindow {
  fromPolicyYear: number;
  source: PolicySource;
  /** Month/day in the year before the policy year, inclusive. */
  opens: { month: number; day: number };
  closes: { month: number; day: number };
}

/** Card-distribution parameters of one distribution campaign (N-2.x). */
export interface DistributionPolicy {
  id: string;
  source: PolicySource;
  /** N-2.2a: units with at least this many card-eligible people get direct delivery. */
  directDeliveryThreshold: number;
  /** N-2.4a: the month whose unit membership the children's cards were made for. */
  cardsMadeForUnitAsOf: string;
  /** N-2.4b: parents collect at the original unit on or before this date. */
  collectionDeadline: CalendarDate;
  /** N-2.4c: "2011年1月20日后" → returns accepted from the day after. */
  returnsOpenFrom: CalendarDate;
  /** N-2.4d: "2011年3月1日后" → reissue applications from the day after. */
  reissueOpenFrom: CalendarDate;
  /** N-2.6: people who paid on or before this date but got no card because of a data problem. */
  dataProblemPaidBy: CalendarDate;
  /** N-2.4d / N-2.6: card service hotline. */
  cardHotline: string;
}
