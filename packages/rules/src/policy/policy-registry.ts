import { bi } from '../i18n/bilingual.js';
import { formatCalendarDate, type CalendarDate } from '../dates/calendar-date.js';
import { DISTRIBUTION_2011, ENROLMENT_2011, STANDING_WINDOW_FROM_2012 } from './notice-2010-53.js';
import { ENROLMENT_2025, STUDENT_2025, type StudentPolicy } from './student-guide-2025.js';
import type {
  DistributionPolicy,
  EnrolmentPolicy,
  StandingEnrolmentWindow,
} from './policy-types.js';

/**
 * The loaded policy data. A new notice adds an entry here (and its data file); no rule
 * function changes (N-1.2).
 */
const ENROLMENT_POLICIES: readonly EnrolmentPolicy[] = [ENROLMENT_2011, ENROLMENT_2025];
const STANDING_WINDOWS: readonly StandingEnrolmentWindow[] = [STANDING_WINDOW_FROM_2012];
const DISTRIBUTION_POLICIES: readonly DistributionPolicy[] = [DISTRIBUTION_2011];
const STUDENT_POLICIES: readonly StudentPolicy[] = [STUDENT_2025];

export const CURRENT_DISTRIBUTION_POLICY_ID = DISTRIBUTION_2011.id;

/** Thrown whenever a rule needs policy data that is not loaded: never a silent default. */
export class PolicyNotFoundError extends Error {
  readonly clause = 'N-1.2';
  constructor(what: { zh: string; en: string }) {
    super(bi(`未加载政策数据：${what.zh}`, `No policy data loaded: ${what.en}`));
    this.name = 'PolicyNotFoundError';
  }
}

export function loadedPolicyYears(): number[] {
  return ENROLMENT_POLICIES.map((p) => p.policyYear).sort((a, b) => a - b);
}

export function getEnrolmentPolicy(policyYear: number): EnrolmentPolicy {
  const policy = ENROLMENT_POLICIES.find((p) => p.policyYear === policyYear);
  if (!policy) {
    throw new PolicyNotFoundError({
      zh: `${policyYear}年度参保缴费政策`,
      en: `enrolment policy for ${policyYear}`,
    });
  }
  return policy;
}

/** N-1.1a (explicit window of a year) or N-1.1b (standing window from 2012 on). */
export function enrolmentWindow(policyYear: number): {
  from: CalendarDate;
  to: CalendarDate;
  clause: string;
} {
  if (!Number.isInteger(policyYear)) {
    throw new RangeError(
      bi(`政策年度必须是整数：${policyYear}`, `Policy year must be an integer: ${policyYear}`),
    );
  }
  const explicit = ENROLMENT_POLICIES.find((p) => p.policyYear === policyYear)?.enrolmentWindow;
  if (explicit) return { ...explicit, clause: 'N-1.1a' };
  const standing = [...STANDING_WINDOWS]
    .filter((w) => w.fromPolicyYear <= policyYear)
    .sort((a, b) => b.fromPolicyYear - a.fromPolicyYear)[0];
  if (!standing) {
    throw new PolicyNotFoundError({
      zh: `${policyYear}年度参保缴费期`,
      en: `enrolment window for ${policyYear}`,
    });
  }
  return {
    from: formatCalendarDate(policyYear - 1, standing.opens.month, standing.opens.day),
    to: formatCalendarDate(policyYear - 1, standing.closes.month, standing.closes.day),
    clause: 'N-1.1b',
  };
}

export function getDistributionPolicy(
  id: string = CURRENT_DISTRIBUTION_POLICY_ID,
): DistributionPolicy {
  const policy = DISTRIBUTION_POLICIES.find((p) => p.id === id);
  if (!policy)
    throw new PolicyNotFoundError({ zh: `发卡政策 ${id}`, en: `distribution policy ${id}` });
  return policy;
}

export function getStudentPolicy(policyYear: number): StudentPolicy {
  const policy = STUDENT_POLICIES.find((p) => p.policyYear === policyYear);
  if (!policy) {
    throw new PolicyNotFoundError({
      zh: `${policyYear}年在校学生参保政策`,
      en: `student enrolment policy for ${policyYear}`,
    });
  }
  return policy;
}
