import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDistributionPolicy } from '../policy/policy-registry.js';
import { CARD_STATES } from './card-states.js';
import { cardOverdue, isPastDeadline } from './overdue.js';

describe('N-3 isPastDeadline — "X日前" includes day X', () => {
  it.each([
    ['2011-01-14', '2011-01-15', false],
    ['2011-01-15', '2011-01-15', false],
    ['2011-01-16', '2011-01-15', true],
    ['2011-01-01', '2010-12-31', true],
    ['2010-12-31', '2011-01-01', false],
  ] as const)('N-3 isPastDeadline(%s, %s) → %s', (today, deadline, past) => {
    expect(isPastDeadline(today, deadline)).toBe(past);
  });

  it('N-3 invalid dates throw', () => {
    expect(() => isPastDeadline('2011-01-32', '2011-01-15')).toThrow(/Invalid date/);
    expect(() => isPastDeadline('2011-01-15', 'soon')).toThrow(/Invalid date/);
  });
});

describe('N-3 / N-2.2b awaiting_pickup against the pickup deadline', () => {
  const pickupDeadline = '2010-12-20';

  it.each(['2010-12-19', '2010-12-20'])('N-3 / N-2.2b on %s the pickup is not overdue', (today) => {
    expect(cardOverdue('awaiting_pickup', today, { pickupDeadline })).toBeUndefined();
  });

  it('N-3 / N-2.2b the day after the pickup deadline it is overdue', () => {
    expect(cardOverdue('awaiting_pickup', '2010-12-21', { pickupDeadline })).toEqual({
      kind: 'pickup',
      deadline: '2010-12-20',
      clause: 'N-2.2b',
    });
  });

  it('N-3 / N-2.2b without a pickup deadline nothing is overdue', () => {
    expect(cardOverdue('awaiting_pickup', '2012-01-01')).toBeUndefined();
  });

  it('N-3 / N-2.2b awaiting_pickup is not judged by the parents’ collection deadline', () => {
    expect(
      cardOverdue('awaiting_pickup', '2011-01-16', { pickupDeadline: '2011-02-01' }),
    ).toBeUndefined();
  });
});

describe('N-3 / N-2.4b at_unit against the collection deadline 2011-01-15', () => {
  it.each(['2011-01-14', '2011-01-15'])(
    'N-3 / N-2.4b on %s a card at the unit is not overdue',
    (today) => {
      expect(cardOverdue('at_unit', today)).toBeUndefined();
    },
  );

  it('N-3 / N-2.4b on 2011-01-16 a card still at the unit is overdue', () => {
    expect(cardOverdue('at_unit', '2011-01-16')).toEqual({
      kind: 'collection',
      deadline: '2011-01-15',
      clause: 'N-2.4b',
    });
  });

  it('N-3 / N-2.4b at_unit ignores a pickup deadline', () => {
    expect(cardOverdue('at_unit', '2011-01-10', { pickupDeadline: '2010-12-20' })).toBeUndefined();
  });

  it('N-3 / N-2.4b the collection deadline comes from the policy', () => {
    const policy = { ...getDistributionPolicy(), collectionDeadline: '2011-01-31' };
    expect(cardOverdue('at_unit', '2011-01-16', { policy })).toBeUndefined();
    expect(cardOverdue('at_unit', '2011-02-01', { policy })?.deadline).toBe('2011-01-31');
  });
});

describe('N-3 states that are never overdue', () => {
  const never = CARD_STATES.filter((s) => s !== 'awaiting_pickup' && s !== 'at_unit');

  it('N-3 the list of never-overdue states is what is expected', () => {
    expect(never).toEqual(
      expect.arrayContaining([
        'issued',
        'in_reissue_pool',
        'returned',
        'reissued',
        'made',
        'identity_sync',
      ]),
    );
    expect(never).toHaveLength(CARD_STATES.length - 2);
  });

  it.each(never)('N-3 %s is never overdue, even long after every deadline', (state) => {
    expect(cardOverdue(state, '2030-01-01', { pickupDeadline: '2010-12-20' })).toBeUndefined();
  });

  it('N-3 property: only awaiting_pickup and at_unit can be overdue', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CARD_STATES),
        fc.date({
          min: new Date('2010-01-01T00:00:00Z'),
          max: new Date('2013-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (state, d) => {
          const today = d.toISOString().slice(0, 10);
          const result = cardOverdue(state, today, { pickupDeadline: '2010-12-20' });
          if (state === 'awaiting_pickup') expect(result !== undefined).toBe(today > '2010-12-20');
          else if (state === 'at_unit') expect(result !== undefined).toBe(today > '2011-01-15');
          else expect(result).toBeUndefined();
        },
      ),
    );
  });
});
