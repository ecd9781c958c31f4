import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDistributionPolicy } from '../policy/policy-registry.js';
import { collectionOverdue, reissueOpen, returnsOpen } from './distribution-dates.js';

const isoDate = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('N-2.4c returns accepted after 2011-01-20 (from 2011-01-21)', () => {
  it.each([
    ['2010-12-31', false],
    ['2011-01-20', false],
    ['2011-01-21', true],
    ['2011-01-22', true],
    ['2012-01-01', true],
  ] as const)('N-2.4c returnsOpen(%s) → %s', (date, open) => {
    expect(returnsOpen(date)).toBe(open);
  });

  it.each(['2011-1-21', '2011-02-30', '21/01/2011', ''])(
    'N-2.4c an invalid date %j throws',
    (date) => {
      expect(() => returnsOpen(date)).toThrow(/无效日期.*Invalid date/);
    },
  );

  it('N-2.4c property: returnsOpen(d) === (d >= 2011-01-21) for random dates', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(returnsOpen(d)).toBe(d >= '2011-01-21');
      }),
    );
  });

  it('N-2.4c the opening date is a policy parameter', () => {
    const policy = { ...getDistributionPolicy(), returnsOpenFrom: '2012-01-21' };
    expect(returnsOpen('2011-01-21', policy)).toBe(false);
    expect(returnsOpen('2012-01-21', policy)).toBe(true);
  });
});

describe('N-2.4d reissue applications after 2011-03-01 (from 2011-03-02)', () => {
  it.each([
    ['2011-02-28', false],
    ['2011-03-01', false],
    ['2011-03-02', true],
    ['2011-03-03', true],
  ] as const)('N-2.4d reissueOpen(%s) → %s', (date, open) => {
    expect(reissueOpen(date)).toBe(open);
  });

  it('N-2.4d an invalid date throws', () => {
    expect(() => reissueOpen('2011-03-32')).toThrow(/Invalid date/);
  });

  it('N-2.4d property: reissueOpen(d) === (d >= 2011-03-02)', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(reissueOpen(d)).toBe(d >= '2011-03-02');
      }),
    );
  });
});

describe('N-2.4b parents collect by 2011-01-15 inclusive', () => {
  it.each([
    ['2011-01-14', false],
    ['2011-01-15', false],
    ['2011-01-16', true],
    ['2011-02-01', true],
  ] as const)('N-2.4b collectionOverdue(%s) → %s', (date, overdue) => {
    expect(collectionOverdue(date)).toBe(overdue);
  });

  it('N-2.4b property: overdue exactly from the day after the deadline', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(collectionOverdue(d)).toBe(d > '2011-01-15');
      }),
    );
  });
});
