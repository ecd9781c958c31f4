import { bi } from '../i18n/bilingual.js';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../policy/categories.js';
import { getEnrolmentPolicy, PolicyNotFoundError } from '../policy/policy-registry.js';
import { checkSubsidyFlag, type SubsidyFlag } from '../policy/subsidy-flags.js';

function assertPolicyYear(policyYear: number): void {
  if (!Number.isInteger(policyYear)) {
    throw new RangeError(
      bi(`政策年度必须是整数：${policyYear}`, `Policy year must be an integer: ${policyYear}`),
    );
  }
}

function assertCategory(category: string): asserts category is Category {
  if (!(CATEGORIES as readonly string[]).includes(category)) {
    throw new RangeError(bi(`未知人员类别：${category}`, `Unknown category: ${category}`));
  }
}

/** N-1.3a / S-2.1: the standard yearly fee in integer 元, from the loaded policy data. */
export function standardFee(policyYear: number, category: Category): number {
  assertPolicyYear(policyYear);
  assertCategory(category);
  const fee = getEnrolmentPolicy(policyYear).feesYuan[category];
  if (fee === undefined) {
    const label = CATEGORY_LABELS[category];
    throw new PolicyNotFoundError({
      zh: `${policyYear}年度${label.zh}缴费标准`,
      en: `${policyYear} fee for ${label.en.toLowerCase()}`,
    });
  }
  return fee;
}

/**
 * Public contract: the fee a person pays. Exempt (0) only when the subsidy verification was
 * passed for this very year (N-1.4a); a verification of another year does not carry over.
 */
export function annualFee(input: {
  policyYear: number;
  category: Category;
  exemptionVerifiedForYear?: number;
}): number {
  const fee = standardFee(input.policyYear, input.category);
  return input.exemptionVerifiedForYear === input.policyYear ? 0 : fee;
}

export interface FeeDecision {
  standardYuan: number;
  payableYuan: number;
  exempt: boolean;
  /** Why an exemption was not granted, when one was claimed. */
  exemptionRefused?: { clause: string; message: string };
}

/**
 * The full fee decision with the subsidy flag: exemption needs a verification for the year
 * (N-1.4a) and a flag that exists that year and fits the category (N-1.4b).
 */
export function feeDecision(input: {
  policyYear: number;
  category: Category;
  subsidy?: { flag: SubsidyFlag; verifiedForYear?: number };
}): FeeDecision {
  const standardYuan = standardFee(input.policyYear, input.category);
  const subsidy = input.subsidy;
  if (!subsidy) return { standardYuan, payableYuan: standardYuan, exempt: false };
  const fits = checkSubsidyFlag(subsidy.flag, input.category, input.policyYear);
  if (!fits.ok) {
    return {
      standardYuan,
      payableYuan: standardYuan,
      exempt: false,
      exemptionRefused: { clause: fits.clause, message: fits.message },
    };
  }
  if (subsidy.verifiedForYear !== input.policyYear) {
    return {
      standardYuan,
      payableYuan: standardYuan,
      exempt: false,
      exemptionRefused: {
        clause: 'N-1.4a',
        message: bi(
          `未通过${input.policyYear}年度财政补助资格验审，不能免缴`,
          `No passed subsidy-eligibility verification for ${input.policyYear}: not exempt`,
        ),
      },
    };
  }
  return { standardYuan, payableYuan: 0, exempt: true };
}
