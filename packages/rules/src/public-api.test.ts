import { describe, expect, it } from 'vitest';
import * as rules from './index.js';

/**
 * The eight functions every consumer relies on, imported from the package root, checked with
 * the clauses' own examples and decisions.
 */
describe('public API of @sscard/rules', () => {
  it('exports the eight contract functions', () => {
    const contract = [
      rules.routeBatch,
      rules.annualFee,
      rules.requiredDeposit,
      rules.isWorkingDay,
      rules.bankDeductionDate,
      rules.validateIdNumber,
      rules.maskIdNumber,
      rules.returnsOpen,
    ];
    expect(contract.map((fn) => typeof fn)).toEqual(Array(8).fill('function'));
    expect(rules.validateIdNumber.length).toBeGreaterThanOrEqual(2);
  });

  it('N-2.2a routeBatch: 599 pickup, 600 and 601 direct delivery', () => {
    expect([599, 600, 601].map((n) => rules.routeBatch(n))).toEqual([
      'pickup',
      'direct_delivery',
      'direct_delivery',
    ]);
  });

  it('N-1.3a / S-2.1 / N-1.4a annualFee', () => {
    expect(rules.annualFee({ policyYear: 2011, category: 'unemployed' })).toBe(600);
    expect(rules.annualFee({ policyYear: 2025, category: 'student_child' })).toBe(405);
    expect(
      rules.annualFee({ policyYear: 2011, category: 'elderly', exemptionVerifiedForYear: 2011 }),
    ).toBe(0);
    expect(
      rules.annualFee({ policyYear: 2011, category: 'elderly', exemptionVerifiedForYear: 2010 }),
    ).toBe(300);
    expect(() => rules.annualFee({ policyYear: 2019, category: 'elderly' })).toThrow(
      rules.PolicyNotFoundError,
    );
  });

  it('N-1.3d requiredDeposit', () => {
    expect(rules.requiredDeposit(100, 'jingka')).toBe(101);
    expect(rules.requiredDeposit(100, 'other')).toBe(100);
  });

  it('S-2.2a isWorkingDay and S-2.2b bankDeductionDate', () => {
    expect(rules.isWorkingDay('2025-10-11')).toBe(true);
    expect(rules.isWorkingDay('2026-02-14')).toBe(true);
    expect(rules.isWorkingDay('2025-10-08')).toBe(false);
    expect(rules.bankDeductionDate(2025, 10)).toBe('2025-10-15');
  });

  it('S-1.3 validateIdNumber and maskIdNumber', () => {
    expect(rules.validateIdNumber('resident', '11010519491231002X')).toMatchObject({ valid: true });
    const bad = rules.validateIdNumber('resident', '110105194912310021');
    expect(bad.valid).toBe(false);
    expect(bad.reason).toMatch(/校验码.* \/ .*[Cc]heck digit/);
    const masked = rules.maskIdNumber('11010519491231002X');
    expect(masked).not.toContain('19491231');
    expect(masked).toHaveLength(18);
  });

  it('N-2.4c returnsOpen: 2011-01-20 closed, 2011-01-21 open', () => {
    expect(rules.returnsOpen('2011-01-20')).toBe(false);
    expect(rules.returnsOpen('2011-01-21')).toBe(true);
  });
});
