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
