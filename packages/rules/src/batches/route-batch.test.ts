import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BATCH_STATE_LABELS,
  BATCH_STATES,
  credentialMatchesUnit,
  normaliseRegistrationCode,
  PICKUP_CREDENTIAL_KINDS,
  PICKUP_CREDENTIAL_LABELS,
  routeBatch,
} from './route-batch.js';

describe('N-2.2a/N-2.2b routeBatch — the 600 threshold', () => {
  it.each([
    [0, 'pickup'],
    [1, 'pickup'],
    [599, 'pickup'],
    [600, 'direct_delivery'],
    [601, 'direct_delivery'],
    [1_000_000, 'direct_delivery'],
    [Number.MAX_SAFE_INTEGER, 'direct_delivery'],
  ] as const)('N-2.2a/N-2.2b %i card-eligible people → %s', (count, route) => {
    expect(routeBatch(count)).toBe(route);
  });

  it('N-2.2a exactly 600 goes to direct delivery (project decision on "600人以上/以下")', () => {
    expect(routeBatch(600)).toBe('direct_delivery');
    expect(routeBatch(599)).not.toBe(routeBatch(600));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'N-2.2a/N-2.2b rejects a count of %s',
    (count) => {
      expect(() => routeBatch(count)).toThrow(RangeError);
      expect(() => routeBatch(count)).toThrow('符合制卡条件的人数必须是非负整数');
      expect(() => routeBatch(count)).toThrow('Card-eligible count must be a non-negative integer');
    },
  );

  it('N-2.2a the threshold is a parameter', () => {
    expect(routeBatch(99, 100)).toBe('pickup');
    expect(routeBatch(100, 100)).toBe('direct_delivery');
    expect(routeBatch(600, 1000)).toBe('pickup');
    expect(routeBatch(0, 0)).toBe('direct_delivery');
  });

  it('N-2.2a/N-2.2b property: monotone — if n goes to direct delivery so does n+1', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000 }),
        fc.option(fc.nat({ max: 2_000 }), { nil: undefined }),
        (n, threshold) => {
          if (routeBatch(n, threshold) === 'direct_delivery') {
            expect(routeBatch(n + 1, threshold)).toBe('direct_delivery');
          }
          if (routeBatch(n + 1, threshold) === 'pickup') {
            expect(routeBatch(n, threshold)).toBe('pickup');
          }
        },
      ),
    );
  });

  it('N-2.2a/N-2.2b property: direct delivery exactly when n ≥ 600', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5_000 }), (n) => {
        expect(routeBatch(n)).toBe(n >= 600 ? 'direct_delivery' : 'pickup');
      }),
    );
  });
});

describe('N-2.2b pickup credential must match the unit registration code', () => {
  const UNIT = '11010812345678';

  it('N-2.2b an exact match is accepted', () => {
    expect(credentialMatchesUnit('11010812345678', UNIT)).toBe(true);
    expect(credentialMatchesUnit('AB12-CD34', 'AB12-CD34')).toBe(true);
  });

  it.each([
    ['110108 1234 5678', UNIT],
    ['1101-0812-3456-78', UNIT],
    ['110108\u30001234\u30005678', UNIT],
    [' 11010812345678\t', UNIT],
    ['ab12cd34', 'AB12CD34'],
    ['AB12 CD34', 'ab12-cd34'],
  ])('N-2.2b %j matches %j after normalising spaces, case, hyphens, full-width spaces', (a, b) => {
    expect(credentialMatchesUnit(a, b)).toBe(true);
    expect(credentialMatchesUnit(b, a)).toBe(true);
  });

  it.each([
    ['11010812345679', UNIT],
    ['1101081234567', UNIT],
    ['110108123456780', UNIT],
    ['AB12CD35', 'AB12CD34'],
  ])('N-2.2b %j does not match %j → refused', (a, b) => {
    expect(credentialMatchesUnit(a, b)).toBe(false);
  });

  it.each([
    ['', UNIT],
    [UNIT, ''],
    ['', ''],
    ['  - \u3000', ' '],
  ])('N-2.2b an empty credential never matches (%j vs %j)', (a, b) => {
    expect(credentialMatchesUnit(a, b)).toBe(false);
  });

  it('N-2.2b normaliseRegistrationCode strips spaces, full-width spaces and hyphens, upper-cases', () => {
    expect(normaliseRegistrationCode(' ab-12\u3000cd 34 ')).toBe('AB12CD34');
  });
});

describe('N-2.2a the threshold itself is validated', () => {
  it('a NaN, negative or fractional threshold is an error, not a silent route', () => {
    expect(() => routeBatch(5000, Number.NaN)).toThrow(RangeError);
    expect(() => routeBatch(5000, -1)).toThrow(RangeError);
    expect(() => routeBatch(5000, 599.5)).toThrow(RangeError);
  });
});

describe('N-2.2b the credentials a pickup notice names', () => {
  it('N-2.2b 社会保险登记证 or a 单位介绍信 that states the registration code', () => {
    expect(PICKUP_CREDENTIAL_KINDS.map((k) => PICKUP_CREDENTIAL_LABELS[k].zh)).toEqual([
      '《社会保险登记证》',
      '《单位介绍信》（信中须填写“社会保险登记证编码”）',
    ]);
    expect(PICKUP_CREDENTIAL_LABELS.introduction_letter.en).toContain('registration code');
  });
});

describe('N-2.2a/N-2.2b batch states', () => {
  it('N-2.2a a direct-delivery batch waits for a receiver; N-2.2b a pickup batch for the unit', () => {
    expect(BATCH_STATES).toContain('awaiting_receiver');
    expect(BATCH_STATE_LABELS.awaiting_receiver.clause).toBe('N-2.2a');
    expect(BATCH_STATE_LABELS.awaiting_pickup.clause).toBe('N-2.2b');
    expect(BATCH_STATES.every((s) => BATCH_STATE_LABELS[s].zh.length > 0)).toBe(true);
  });
});
