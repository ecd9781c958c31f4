import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../policy/categories.js';
import { PolicyNotFoundError } from '../policy/policy-registry.js';
import {
  SUBSIDY_FLAGS,
  SUBSIDY_FLAG_DEFINITIONS,
  subsidyFlagFits,
} from '../policy/subsidy-flags.js';
import { annualFee, feeDecision, standardFee } from './annual-fee.js';

/** Catch a thrown error so its type and both halves of its message can be asserted. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to throw');
}

describe('N-1.3a standard fee for policy year 2011', () => {
  it.each([
    ['elderly', 300],
    ['student_child', 100],
    ['unemployed', 600],
    ['unemployed_disabled', 300],
  ] as const)('N-1.3a %s pays %i 元', (category, fee) => {
    expect(standardFee(2011, category)).toBe(fee);
    expect(annualFee({ policyYear: 2011, category })).toBe(fee);
    expect(feeDecision({ policyYear: 2011, category })).toEqual({
      standardYuan: fee,
      payableYuan: fee,
      exempt: false,
    });
  });
});

describe('S-2.1 student fee for 2025', () => {
  it('S-2.1 student_child pays 405 元 in 2025', () => {
    expect(annualFee({ policyYear: 2025, category: 'student_child' })).toBe(405);
  });
});

describe('N-1.2 no silent default when policy data is missing', () => {
  it.each([2010, 2012, 2026])(
    'N-1.2 policy year %i is not loaded → PolicyNotFoundError',
    (year) => {
      const error = thrown(() => annualFee({ policyYear: year, category: 'student_child' }));
      expect(error).toBeInstanceOf(PolicyNotFoundError);
      expect((error as PolicyNotFoundError).clause).toBe('N-1.2');
      expect(error.message).toContain(`未加载政策数据：${year}年度参保缴费政策`);
      expect(error.message).toContain(`No policy data loaded: enrolment policy for ${year}`);
    },
  );

  it('N-1.2 2025 has no elderly fee → PolicyNotFoundError, never 0', () => {
    const error = thrown(() => standardFee(2025, 'elderly'));
    expect(error).toBeInstanceOf(PolicyNotFoundError);
    expect(error.message).toContain('2025年度城镇老年人缴费标准');
    expect(error.message).toContain('2025 fee for urban elderly');
  });

  it('N-1.2 an unknown category string is refused with a bilingual message', () => {
    const error = thrown(() => standardFee(2011, 'pensioner' as Category));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toContain('未知人员类别：pensioner');
    expect(error.message).toContain('Unknown category: pensioner');
  });

  it.each([2011.5, Number.NaN])('N-1.2 a non-integer policy year (%s) is refused', (year) => {
    const error = thrown(() => annualFee({ policyYear: year, category: 'elderly' }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toContain('政策年度必须是整数');
    expect(error.message).toContain('Policy year must be an integer');
  });
});

describe('N-1.4a exemption needs a verification for that very year', () => {
  it('N-1.4a verified for 2011 → 0 元 via annualFee', () => {
    expect(
      annualFee({ policyYear: 2011, category: 'elderly', exemptionVerifiedForYear: 2011 }),
    ).toBe(0);
  });

  it.each([2010, 2012])('N-1.4a verified for %i does not carry over to 2011 → full fee', (year) => {
    expect(
      annualFee({ policyYear: 2011, category: 'elderly', exemptionVerifiedForYear: year }),
    ).toBe(300);
  });

  it('N-1.4a feeDecision: verified for the year → exempt', () => {
    expect(
      feeDecision({
        policyYear: 2011,
        category: 'unemployed',
        subsidy: { flag: 'minimum_living_allowance', verifiedForYear: 2011 },
      }),
    ).toEqual({ standardYuan: 600, payableYuan: 0, exempt: true });
  });

  it.each([2010, 2012, undefined])(
    'N-1.4a feeDecision: verified for %s → refused, full fee',
    (year) => {
      const decision = feeDecision({
        policyYear: 2011,
        category: 'unemployed',
        subsidy: { flag: 'minimum_living_allowance', verifiedForYear: year },
      });
      expect(decision.exempt).toBe(false);
      expect(decision.payableYuan).toBe(600);
      expect(decision.exemptionRefused?.clause).toBe('N-1.4a');
      expect(decision.exemptionRefused?.message).toContain('未通过2011年度财政补助资格验审');
      expect(decision.exemptionRefused?.message).toContain(
        'No passed subsidy-eligibility verification for 2011',
      );
    },
  );
});

describe('N-1.4b subsidy flag must fit the category', () => {
  const FITS: Record<(typeof SUBSIDY_FLAGS)[number], readonly Category[]> = {
    minimum_living_allowance: ['elderly', 'student_child', 'unemployed', 'unemployed_disabled'],
    severely_disabled_unemployed: ['unemployed_disabled'],
    severely_disabled_elderly: ['elderly'],
    severely_disabled_minor: ['student_child'],
  };
  const cases = SUBSIDY_FLAGS.flatMap((flag) =>
    CATEGORIES.map((category) => ({ flag, category, fits: FITS[flag].includes(category) })),
  );

  it.each(cases)('N-1.4b 2011 $flag × $category (fits: $fits)', ({ flag, category, fits }) => {
    const fee = standardFee(2011, category);
    const decision = feeDecision({
      policyYear: 2011,
      category,
      subsidy: { flag, verifiedForYear: 2011 },
    });
    if (fits) {
      expect(decision).toEqual({ standardYuan: fee, payableYuan: 0, exempt: true });
    } else {
      expect(decision.exempt).toBe(false);
      expect(decision.payableYuan).toBe(fee);
      expect(decision.exemptionRefused?.clause).toBe('N-1.4b');
      expect(decision.exemptionRefused?.message).toContain(
        `补助标识“${SUBSIDY_FLAG_DEFINITIONS[flag].zh}”不适用于`,
      );
      expect(decision.exemptionRefused?.message).toContain(
        `Subsidy flag "${SUBSIDY_FLAG_DEFINITIONS[flag].en}"`,
      );
    }
  });

  it('N-1.4b the severely-disabled minors flag on an elderly person is refused even when verified', () => {
    const decision = feeDecision({
      policyYear: 2011,
      category: 'elderly',
      subsidy: { flag: 'severely_disabled_minor', verifiedForYear: 2011 },
    });
    expect(decision.exemptionRefused?.clause).toBe('N-1.4b');
    expect(decision.payableYuan).toBe(300);
  });

  it('N-1.4b the two new flags do not exist before policy year 2011', () => {
    expect(subsidyFlagFits('severely_disabled_elderly', 'elderly', 2010)).toBe(false);
    expect(subsidyFlagFits('severely_disabled_minor', 'student_child', 2010)).toBe(false);
    expect(subsidyFlagFits('severely_disabled_elderly', 'elderly', 2011)).toBe(true);
    expect(subsidyFlagFits('severely_disabled_minor', 'student_child', 2011)).toBe(true);
    // The older flags already existed in 2010.
    expect(subsidyFlagFits('minimum_living_allowance', 'elderly', 2010)).toBe(true);
    expect(subsidyFlagFits('severely_disabled_unemployed', 'unemployed_disabled', 2010)).toBe(true);
  });
});

describe('N-1.3a / S-2.1 money is never floating point', () => {
  it('N-1.3a every fee is a non-negative integer of 元 (or missing data throws)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(2011, 2025), fc.integer({ min: 2000, max: 2040 })),
        fc.constantFrom(...CATEGORIES),
        fc.option(fc.constantFrom(2010, 2011, 2012, 2025), { nil: undefined }),
        fc.constantFrom(...SUBSIDY_FLAGS),
        (policyYear, category, verifiedYear, flag) => {
          let fee: number;
          try {
            fee = annualFee({ policyYear, category, exemptionVerifiedForYear: verifiedYear });
          } catch (error) {
            expect(error).toBeInstanceOf(PolicyNotFoundError);
            return;
          }
          expect(Number.isInteger(fee)).toBe(true);
          expect(fee).toBeGreaterThanOrEqual(0);
          const decision = feeDecision({
            policyYear,
            category,
            subsidy: { flag, verifiedForYear: verifiedYear },
          });
          for (const amount of [decision.standardYuan, decision.payableYuan]) {
            expect(Number.isInteger(amount)).toBe(true);
            expect(amount).toBeGreaterThanOrEqual(0);
          }
          expect(decision.payableYuan === 0 || decision.payableYuan === decision.standardYuan).toBe(
            true,
          );
        },
      ),
    );
  });
});
