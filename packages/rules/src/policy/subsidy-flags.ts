import { ALLOWED, refuse, type RuleResult } from '../common/rule-result.js';
import { CATEGORY_LABELS, type Category } from './categories.js';

/**
 * 享受医疗财政补助标识 (N-1.4b): an enumerated, versioned list. The 2010 notice adds the two
 * severe-disability flags from policy year 2011; the older flags are the exemptions of
 * 京政发〔2010〕38号 that the notice refers to. Each flag fits only some categories.
 */
export const SUBSIDY_FLAGS = [
  'minimum_living_allowance',
  'severely_disabled_unemployed',
  'severely_disabled_elderly',
  'severely_disabled_minor',
] as const;
export type SubsidyFlag = (typeof SUBSIDY_FLAGS)[number];

export interface SubsidyFlagDefinition {
  zh: string;
  en: string;
  fitsCategories: readonly Category[];
  /** First policy year in which the flag exists. */
  fromPolicyYear: number;
  clause: string;
}

export const SUBSIDY_FLAG_DEFINITIONS: Record<SubsidyFlag, SubsidyFlagDefinition> = {
  minimum_living_allowance: {
    zh: '享受城乡居民最低生活保障待遇人员',
    en: 'Recipient of the minimum living allowance',
    fitsCategories: ['elderly', 'student_child', 'unemployed', 'unemployed_disabled'],
    fromPolicyYear: 2008,
    clause: 'N-1.4b',
  },
  severely_disabled_unemployed: {
    zh: '重度残疾无业居民',
    en: 'Severely disabled unemployed resident',
    fitsCategories: ['unemployed_disabled'],
    fromPolicyYear: 2008,
    clause: 'N-1.4b',
  },
  severely_disabled_elderly: {
    zh: '重度残疾老年人',
    en: 'Severely disabled elderly person',
    fitsCategories: ['elderly'],
    fromPolicyYear: 2011,
    clause: 'N-1.4b',
  },
  severely_disabled_minor: {
    zh: '重度残疾少年儿童',
    en: 'Severely disabled minor',
    fitsCategories: ['student_child'],
    fromPolicyYear: 2011,
    clause: 'N-1.4b',
  },
};

export function subsidyFlagFits(
  flag: SubsidyFlag,
  category: Category,
  policyYear: number,
): boolean {
  const def = SUBSIDY_FLAG_DEFINITIONS[flag];
  return def.fromPolicyYear <= policyYear && def.fitsCategories.includes(category);
}

/**
 * N-1.4b: a flag must exist in the policy year and fit the person's category; the refusal names
 * the flag and the category. Used when a verification is recorded and by `feeDecision`.
 */
export function checkSubsidyFlag(
  flag: SubsidyFlag,
  category: Category,
  policyYear: number,
): RuleResult {
  if (subsidyFlagFits(flag, category, policyYear)) return ALLOWED;
  const def = SUBSIDY_FLAG_DEFINITIONS[flag];
  const label = CATEGORY_LABELS[category];
  return refuse(
    'N-1.4b',
    `补助标识“${def.zh}”不适用于${policyYear}年度的${label.zh}`,
    `Subsidy flag "${def.en}" does not apply to ${label.en.toLowerCase()} in ${policyYear}`,
  );
}
