import { ALLOWED, refuse, type RuleResult } from '../common/rule-result.js';
import type { Category } from '../policy/categories.js';
import { isPastDeadline } from '../cards/overdue.js';
import { parseCalendarDate } from '../dates/calendar-date.js';

/**
 * Kinds of designated medical institution. TCM, specialist and A-class institutions are common
 * to every insured person and do not count towards the personal choices (S-3.1).
 */
export const INSTITUTION_KINDS = [
  'community_health',
  'general',
  'tcm',
  'specialist',
  'a_class',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const COMMON_INSTITUTION_KINDS: readonly InstitutionKind[] = [
  'tcm',
  'specialist',
  'a_class',
];

export interface InstitutionChoice {
  code: string;
  kind: InstitutionKind;
}

export const PERSONAL_INSTITUTION_COUNT = 3;

export function personalChoices(choices: readonly InstitutionChoice[]): InstitutionChoice[] {
  return choices.filter((c) => !COMMON_INSTITUTION_KINDS.includes(c.kind));
}

/**
 * S-3.1: exactly 3 personal designated institutions, no duplicates, common ones not counted.
 * N-1.6: elderly and unemployed residents need a community health-service institution among them.
 */
export function checkInstitutionChoice(
  category: Category,
  choices: readonly InstitutionChoice[],
  required = PERSONAL_INSTITUTION_COUNT,
): RuleResult {
  const personal = personalChoices(choices);
  // Codes are typed by hand; 'a01 ' and 'A01' are the same institution.
  if (new Set(personal.map((c) => c.code.trim().toUpperCase())).size !== personal.length) {
    return refuse('S-3.1', '定点医疗机构不能重复选择', 'A designated institution is chosen twice');
  }
  if (personal.length !== required) {
    return refuse(
      'S-3.1',
      `须选择${required}所本人定点医疗机构（中医、专科、A类定点机构为共同定点，不计入），当前${personal.length}所`,
      `Choose exactly ${required} personal designated institutions (TCM, specialist and A-class ones are common and not counted); ${personal.length} chosen`,
    );
  }
  if (needsCommunityInstitution(category) && !personal.some((c) => c.kind === 'community_health')) {
    return refuse(
      'N-1.6',
      '城镇老年人和无业居民的定点医疗机构中须包括1家定点社区卫生服务机构',
      'Elderly and unemployed residents must include one community health-service institution',
    );
  }
  return ALLOWED;
}

/** N-1.6 applies to the elderly and to unemployed residents (disabled or not). */
export function needsCommunityInstitution(category: Category): boolean {
  return category !== 'student_child';
}

export interface CommunityInstitutionStatus {
  required: boolean;
  missing: boolean;
  /** The last day to add one at the street office (N-1.6), when the policy has one. */
  deadline?: string;
  overdue: boolean;
}

/** N-1.6: for the list of people still without a community health-service institution. */
export function communityInstitutionStatus(
  category: Category,
  choices: readonly InstitutionChoice[],
  today: string,
  deadline: string | undefined,
): CommunityInstitutionStatus {
  parseCalendarDate(today);
  const required = needsCommunityInstitution(category);
  const missing = required && !choices.some((c) => c.kind === 'community_health');
  return {
    required,
    missing,
    ...(deadline === undefined ? {} : { deadline }),
    overdue: missing && deadline !== undefined && isPastDeadline(today, deadline),
  };
}
