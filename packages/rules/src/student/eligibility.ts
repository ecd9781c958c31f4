import { ALLOWED, refuse, type RuleResult } from '../common/rule-result.js';

/** S-1.1: other basic medical cover that rules a student out. */
export const OTHER_COVER_KINDS = [
  'none',
  'public_medical',
  'employee_medical',
  'other_social_insurance',
] as const;
export type OtherCover = (typeof OTHER_COVER_KINDS)[number];

export const OTHER_COVER_LABELS: Record<OtherCover, { zh: string; en: string }> = {
  none: { zh: '无', en: 'None' },
  public_medical: { zh: '公费医疗', en: 'Public medical care' },
  employee_medical: { zh: '职工医保', en: 'Employee medical insurance' },
  other_social_insurance: { zh: '其他社会保险', en: 'Other social insurance' },
};

/**
 * S-1.1: the declaration the student signs on attachment 1 (the guide's first step: confirm
 * there is no other basic medical cover and that one is a full-time student of the school).
 */
export const NO_OTHER_COVER_DECLARATION = {
  zh: '本人承诺：本人为本校全日制在校学生，未享受公费医疗、职工基本医疗保险或其他社会保险等基本医疗保障；以上信息真实、准确，如有不实，本人承担相应责任。',
  en: 'I declare that I am a full-time student of the school with no other basic medical cover (public medical care, employee medical insurance or other social insurance), and that the information above is true and accurate; I am responsible for any inaccuracy.',
} as const;

/** S-1.1: a full-time student of the school with no other basic medical cover. */
export function studentEligibility(input: {
  fullTimeStudent: boolean;
  otherCover: OtherCover;
}): RuleResult {
  if (!input.fullTimeStudent) {
    return refuse(
      'S-1.1',
      '仅限本校全日制在校学生参保',
      'Only full-time students of the school can enrol',
    );
  }
  if (input.otherCover !== 'none') {
    const label = OTHER_COVER_LABELS[input.otherCover];
    return refuse(
      'S-1.1',
      `已享受${label.zh}，不能重复参加城乡居民基本医疗保险`,
      `Already covered by ${label.en.toLowerCase()}: cannot also join the resident medical insurance`,
    );
  }
  return ALLOWED;
}
