import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DepositAccount } from '../policy/categories.js';
import { PolicyNotFoundError } from '../policy/policy-registry.js';
import { requiredDeposit, withholdingRound } from './withholding.js';

describe('N-1.3d required deposit: 京卡 payers deposit 1 元 more', () => {
  it.each([0, 100, 300, 405, 600])('N-1.3d fee %i → jingka fee+1, other fee', (fee) => {
    expect(requiredDeposit(fee, 'jingka')).toBe(fee + 1);
    expect(requiredDeposit(fee, 'other')).toBe(fee);
  });

  it('N-1.3d the extra amount is a parameter', () => {
    expect(requiredDeposit(300, 'jingka', 2)).toBe(302);
    expect(requiredDeposit(300, 'other', 2)).toBe(300);
  });

  it.each([-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'N-1.3d rejects a fee of %s with a bilingual message',
    (fee) => {
      expect(() => requiredDeposit(fee, 'jingka')).toThrow(RangeError);
      expect(() => requiredDeposit(fee, 'other')).toThrow(
        /必须是非负整数元.* \/ .*must be a non-negative integer of 元/,
      );
    },
  );

  it('N-1.3d rejects an unknown account type', () => {
    expect(() => requiredDeposit(300, 'icbc' as DepositAccount)).toThrow(RangeError);
    expect(() => requiredDeposit(300, 'icbc' as DepositAccount)).toThrow('未知账户类型：icbc');
    expect(() => requiredDeposit(300, 'icbc' as DepositAccount)).toThrow(
      'Unknown account type: icbc',
    );
  });

  it('N-1.3d property: jingka deposit − other deposit === 1 for any non-negative integer fee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (fee) => {
        const jingka = requiredDeposit(fee, 'jingka');
        const other = requiredDeposit(fee, 'other');
        expect(jingka - other).toBe(1);
        expect(other).toBe(fee);
        expect(Number.isInteger(jingka)).toBe(true);
      }),
    );
  });
});

describe('N-1.3c withholding rounds for policy year 2011 (deadlines inclusive)', () => {
  it.each([
    ['2010-12-01', 1, '2010-12-24'],
    ['2010-12-23', 1, '2010-12-24'],
    ['2010-12-24', 1, '2010-12-24'],
    ['2010-12-25', 2, '2011-01-24'],
    ['2011-01-23', 2, '2011-01-24'],
    ['2011-01-24', 2, '2011-01-24'],
    ['2011-01-25', 3, '2011-02-20'],
    ['2011-02-19', 3, '2011-02-20'],
    ['2011-02-20', 3, '2011-02-20'],
  ] as const)(
    'N-1.3c deposit on %s is withheld in round %i (deadline %s)',
    (date, round, deadline) => {
      expect(withholdingRound(2011, date)).toEqual({ met: true, round, deadline });
    },
  );

  it.each(['2011-02-21', '2011-02-28', '2011-12-31'])(
    'N-1.3c deposit on %s, after the last round → missed',
    (date) => {
      const outcome = withholdingRound(2011, date);
      expect(outcome.met).toBe(false);
      if (outcome.met) return;
      expect(outcome.clause).toBe('N-1.3c');
      expect(outcome.message).toContain('已过最后一轮银行代扣（2011-02-20）');
      expect(outcome.message).toContain('The last withholding round (2011-02-20) has passed');
    },
  );

  it('N-1.3c an invalid deposit date is rejected', () => {
    expect(() => withholdingRound(2011, '2011-02-30')).toThrow(/无效日期/);
  });

  it('N-1.3c / N-1.2 policy year 2025 has no withholding rounds → throws', () => {
    expect(() => withholdingRound(2025, '2025-10-10')).toThrow(PolicyNotFoundError);
    expect(() => withholdingRound(2025, '2025-10-10')).toThrow('2025年度银行代扣轮次');
    expect(() => withholdingRound(2025, '2025-10-10')).toThrow('withholding rounds for 2025');
  });

  it('N-1.3c / N-1.2 an unloaded policy year throws', () => {
    expect(() => withholdingRound(2012, '2011-10-10')).toThrow(PolicyNotFoundError);
  });
});

describe('N-1.3d the 京卡 extra is whole 元 too', () => {
  it('rejects a fractional or negative extra', () => {
    expect(() => requiredDeposit(100, 'jingka', 0.5)).toThrow(RangeError);
    expect(() => requiredDeposit(100, 'jingka', -1)).toThrow(RangeError);
  });
});
