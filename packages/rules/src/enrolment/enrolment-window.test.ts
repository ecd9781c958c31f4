import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyNotFoundError } from '../policy/policy-registry.js';
import {
  checkEnrolmentDate,
  coverStartFromJanuary,
  needsTemporaryCertificate,
} from './enrolment-window.js';

describe('N-1.1a enrolment window for 2011: 2010-12-01 … 2011-02-28 inclusive', () => {
  it.each(['2010-12-01', '2010-12-02', '2011-01-15', '2011-02-27', '2011-02-28'])(
    'N-1.1a %s is inside the window',
    (date) => {
      expect(checkEnrolmentDate(2011, date)).toEqual({ ok: true });
    },
  );

  it.each(['2010-11-30', '2011-03-01'])('N-1.1a %s is outside the window → refused', (date) => {
    const result = checkEnrolmentDate(2011, date);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.clause).toBe('N-1.1a');
    expect(result.message).toContain(`2011年度参保缴费期为2010-12-01至2011-02-28，${date}不在期内`);
    expect(result.message).toContain(
      `The 2011 enrolment window is 2010-12-01 to 2011-02-28; ${date} is outside it`,
    );
  });

  it('N-1.1a an invalid date is rejected, not silently refused', () => {
    expect(() => checkEnrolmentDate(2011, '2011-02-29')).toThrow(/Invalid date/);
  });
});

describe('N-1.1b standing window from 2012: 1 Sep … 30 Nov of the previous year', () => {
  for (const year of [2012, 2013]) {
    const prev = year - 1;
    it.each([`${prev}-09-01`, `${prev}-09-02`, `${prev}-11-29`, `${prev}-11-30`])(
      `N-1.1b ${year}: %s is inside`,
      (date) => {
        expect(checkEnrolmentDate(year, date)).toEqual({ ok: true });
      },
    );

    it.each([`${prev}-08-31`, `${prev}-12-01`, `${year}-09-01`])(
      `N-1.1b ${year}: %s is outside → refused with clause N-1.1b`,
      (date) => {
        const result = checkEnrolmentDate(year, date);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.clause).toBe('N-1.1b');
        expect(result.message).toContain(`${year}年度参保缴费期为${prev}-09-01至${prev}-11-30`);
        expect(result.message).toContain(
          `The ${year} enrolment window is ${prev}-09-01 to ${prev}-11-30`,
        );
      },
    );
  }

  it('N-1.1b property: for any year ≥ 2012 the window is Sep 1 … Nov 30 of the year before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2012, max: 2099 }), (year) => {
        const prev = year - 1;
        expect(checkEnrolmentDate(year, `${prev}-09-01`).ok).toBe(true);
        expect(checkEnrolmentDate(year, `${prev}-11-30`).ok).toBe(true);
        expect(checkEnrolmentDate(year, `${prev}-08-31`).ok).toBe(false);
        expect(checkEnrolmentDate(year, `${prev}-12-01`).ok).toBe(false);
      }),
    );
  });
});

describe('N-1.2 a year with no enrolment window throws', () => {
  it.each([2009, 2010])('N-1.2 policy year %i has no window → PolicyNotFoundError', (year) => {
    expect(() => checkEnrolmentDate(year, `${year - 1}-12-01`)).toThrow(PolicyNotFoundError);
    expect(() => checkEnrolmentDate(year, `${year - 1}-12-01`)).toThrow(`${year}年度参保缴费期`);
    expect(() => checkEnrolmentDate(year, `${year - 1}-12-01`)).toThrow(
      `enrolment window for ${year}`,
    );
  });
});

describe('N-1.1c cover from 1 January 2011 needs payment on or before 2010-12-30', () => {
  it.each(['2010-12-01', '2010-12-29', '2010-12-30'])(
    'N-1.1c paid %s → secured from 2011-01-01',
    (date) => {
      expect(coverStartFromJanuary(2011, date)).toEqual({
        secured: true,
        from: '2011-01-01',
        clause: 'N-1.1c',
      });
    },
  );

  it.each(['2010-12-31', '2011-02-28'])(
    'N-1.1c paid %s → not secured, no invented start date',
    (date) => {
      const cover = coverStartFromJanuary(2011, date);
      expect(cover.secured).toBe(false);
      expect(cover).not.toHaveProperty('from');
      if (cover.secured) return;
      expect(cover.clause).toBe('N-1.1c');
      expect(cover.message).toContain('2010-12-30之后缴费，不能保证自2011-01-01起享受待遇');
      expect(cover.message).toContain(
        'Paid after 2010-12-30: cover from 2011-01-01 is not secured',
      );
    },
  );

  it('N-1.1c a year with no cut-off loaded (2025) is never secured', () => {
    const cover = coverStartFromJanuary(2025, '2024-12-01');
    expect(cover.secured).toBe(false);
    if (cover.secured) return;
    expect(cover.message).toContain('2025年度未规定1月1日起享受待遇的缴费截止日');
    expect(cover.message).toContain('No cut-off for cover from 1 January is loaded for 2025');
  });
});

describe('N-1.5 temporary certificate for new enrolees from 2010-12-01', () => {
  it.each([
    ['2010-11-30', false],
    ['2010-12-01', true],
    ['2010-12-02', true],
    ['2011-02-28', true],
  ] as const)('N-1.5 enrolled %s → needs certificate: %s', (date, expected) => {
    expect(needsTemporaryCertificate(2011, date)).toBe(expected);
  });

  it('N-1.5 a policy year without the parameter (2025) never issues one', () => {
    expect(needsTemporaryCertificate(2025, '2025-10-10')).toBe(false);
  });
});
