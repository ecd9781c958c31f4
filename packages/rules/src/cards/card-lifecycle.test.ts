import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardEvent } from './card-events.js';
import { eventsFrom, transitionCard } from './card-lifecycle.js';
import { CARD_STATES, CARD_LOCATIONS, type CardState } from './card-states.js';

const pickupCredential = {
  type: 'pickup',
  credentialKind: 'registration_certificate',
  credentialCode: '11010500123',
  unitRegistrationCode: '11010500123',
} as const;
const selfSign: CardEvent = { type: 'sign', signer: 'self', signerName: '王小明' };
const returnOk: CardEvent = { type: 'return', date: '2011-01-21', firstCopyReturned: true };
const reissueOk: CardEvent = {
  type: 'reissue',
  date: '2011-03-02',
  holderDocument: 'household_register',
  applicantDocument: 'resident_id_card',
};

function run(events: CardEvent[], from: CardState = 'made'): CardState {
  return events.reduce<CardState>((state, event) => {
    const r = transitionCard(state, event);
    if (!r.ok) throw new Error(`${state} --${event.type}--> refused: ${r.message}`);
    return r.to;
  }, from);
}

describe('card lifecycle — the paths of the 2010 notice', () => {
  it('N-2.2b pickup route: made → in batch → awaiting pickup → at unit → issued (N-2.3)', () => {
    expect(
      run([
        { type: 'add_to_batch' },
        { type: 'notify_pickup', route: 'pickup' },
        pickupCredential,
        selfSign,
      ]),
    ).toBe('issued');
  });

  it('N-2.2a direct delivery to the unit needs a named receiver first', () => {
    const noReceiver = transitionCard('in_batch', {
      type: 'deliver',
      route: 'direct_delivery',
      destination: 'unit',
      receiverNamed: false,
    });
    expect(noReceiver).toMatchObject({ ok: false, clause: 'N-2.2a' });
    expect(
      transitionCard('in_batch', {
        type: 'deliver',
        route: 'direct_delivery',
        destination: 'unit',
        receiverNamed: true,
      }),
    ).toEqual({ ok: true, to: 'at_unit', clause: 'N-2.2a' });
  });

  it('N-2.2a delivery to the district centre leaves the cards awaiting the unit there', () => {
    const r = transitionCard('in_batch', {
      type: 'deliver',
      route: 'direct_delivery',
      destination: 'district_centre',
      receiverNamed: false,
    });
    expect(r).toEqual({ ok: true, to: 'awaiting_pickup', clause: 'N-2.2a' });
    expect(CARD_LOCATIONS.awaiting_pickup).toBe('district_centre');
  });

  it('N-2.2a/N-2.2b a batch is handled only by its own route', () => {
    expect(
      transitionCard('in_batch', { type: 'notify_pickup', route: 'direct_delivery' }),
    ).toMatchObject({
      ok: false,
      clause: 'N-2.2b',
    });
    expect(
      transitionCard('in_batch', {
        type: 'deliver',
        route: 'pickup',
        destination: 'unit',
        receiverNamed: true,
      }),
    ).toMatchObject({ ok: false, clause: 'N-2.2a' });
  });

  it('N-2.2b pickup with a credential of another unit is refused; spacing and case do not matter', () => {
    const wrong = transitionCard('awaiting_pickup', {
      ...pickupCredential,
      credentialCode: '11010500999',
    });
    expect(wrong).toMatchObject({ ok: false, clause: 'N-2.2b' });
    if (!wrong.ok) expect(wrong.message).toContain('登记证编码');
    expect(
      transitionCard('awaiting_pickup', { ...pickupCredential, credentialCode: ' 110105 00123 ' })
        .ok,
    ).toBe(true);
    expect(transitionCard('awaiting_pickup', { ...pickupCredential, credentialCode: '' }).ok).toBe(
      false,
    );
  });

  it('N-2.3 a card is signed once, by the holder or by the designated person for a proxy', () => {
    expect(transitionCard('at_unit', selfSign)).toEqual({
      ok: true,
      to: 'issued',
      clause: 'N-2.3',
    });
    expect(transitionCard('issued', selfSign)).toMatchObject({ ok: false, clause: 'N-2.3' });
    expect(
      transitionCard('at_unit', { type: 'sign', signer: 'proxy', signerName: '李老师' }),
    ).toMatchObject({
      ok: false,
      clause: 'N-2.3',
    });
    expect(
      transitionCard('at_unit', {
        type: 'sign',
        signer: 'proxy',
        signerName: '李老师',
        designatedPersonName: '李老师',
      }),
    ).toMatchObject({ ok: true, to: 'issued' });
    expect(transitionCard('at_unit', { type: 'sign', signer: 'self', signerName: '  ' }).ok).toBe(
      false,
    );
  });

  it('N-2.3 a proxy signer must be the designated person themself (spaces ignored)', () => {
    const proxy = (signerName: string) =>
      transitionCard('at_unit', {
        type: 'sign',
        signer: 'proxy',
        signerName,
        designatedPersonName: '李老师',
      });
    const other = proxy('张老师');
    expect(other).toMatchObject({ ok: false, clause: 'N-2.3' });
    if (!other.ok) expect(other.message).toContain('李老师');
    expect(proxy('李 老师')).toEqual({ ok: true, to: 'issued', clause: 'N-2.3' });
    expect(proxy('李\u3000老师').ok).toBe(true);
  });

  it('N-2.4c returns from 2011-01-21 (the day after 20 January), with the first copy', () => {
    const on = (date: string) =>
      transitionCard('at_unit', { type: 'return', date, firstCopyReturned: true });
    const before = on('2011-01-20');
    expect(before).toMatchObject({ ok: false, clause: 'N-2.4c' });
    if (!before.ok) expect(before.message).toContain('2011-01-21');
    expect(on('2011-01-21')).toEqual({ ok: true, to: 'returned', clause: 'N-2.4c' });
    expect(on('2011-01-22').ok).toBe(true);
    expect(transitionCard('at_unit', { ...returnOk, firstCopyReturned: false })).toMatchObject({
      ok: false,
    });
    expect(transitionCard('issued', returnOk)).toMatchObject({ ok: false, clause: 'N-2.4c' });
  });

  it('N-2.4c/N-2.4d returned cards enter the reissue pool and are reissued from 2011-03-02', () => {
    const pooled = run([returnOk, { type: 'receive_into_pool' }], 'at_unit');
    expect(pooled).toBe('in_reissue_pool');
    const at = (date: string) => transitionCard(pooled, { ...reissueOk, date });
    const early = at('2011-03-01');
    expect(early).toMatchObject({ ok: false, clause: 'N-2.4d' });
    if (!early.ok) expect(early.message).toContain('2011-03-02');
    expect(at('2011-03-02')).toEqual({ ok: true, to: 'reissued', clause: 'N-2.4d' });
    expect(at('2011-03-03').ok).toBe(true);
  });

  it('N-2.4d reissue needs both the holder’s and the applicant’s documents', () => {
    expect(
      transitionCard('in_reissue_pool', {
        type: 'reissue',
        date: '2011-04-01',
        holderDocument: 'resident_id_card',
      }),
    ).toMatchObject({
      ok: false,
      clause: 'N-2.4d',
    });
  });

  it('N-2.5 an age-related category change sends the card through identity sync and back', () => {
    const start: CardEvent = {
      type: 'start_identity_sync',
      from: 'student_child',
      to: 'unemployed',
      paidAtNewStandard: true,
    };
    expect(run([start, { type: 'finish_identity_sync' }], 'issued')).toBe('issued');
    expect(transitionCard('issued', { ...start, paidAtNewStandard: false })).toMatchObject({
      ok: false,
      clause: 'N-2.5',
    });
    expect(
      transitionCard('issued', { ...start, from: 'elderly', to: 'student_child' }),
    ).toMatchObject({ ok: false });
    expect(transitionCard('issued', { ...start, from: 'unemployed', to: 'elderly' }).ok).toBe(true);
    expect(transitionCard('at_unit', start).ok).toBe(false);
  });

  it('N-2.6 a card not made because of a data problem is made once the data is collected again', () => {
    expect(transitionCard('not_made_data_problem', { type: 'add_to_batch' })).toMatchObject({
      ok: false,
      clause: 'N-2.2a',
    });
    expect(transitionCard('not_made_data_problem', { type: 'data_recollected' })).toEqual({
      ok: true,
      to: 'made',
      clause: 'N-2.6',
    });
  });

  it('N-2.4a a made card waits at the vendor for its own unit’s batch', () => {
    expect(CARD_LOCATIONS.made).toBe('vendor');
    expect(eventsFrom('made')).toEqual(['add_to_batch']);
  });
});

const anyEvent: fc.Arbitrary<CardEvent> = fc.oneof(
  fc.constant<CardEvent>({ type: 'add_to_batch' }),
  fc.constantFrom<CardEvent>(
    { type: 'notify_pickup', route: 'pickup' },
    { type: 'deliver', route: 'direct_delivery', destination: 'unit', receiverNamed: true },
    pickupCredential,
    selfSign,
    returnOk,
    { type: 'receive_into_pool' },
    reissueOk,
    { type: 'finish_identity_sync' },
    { type: 'data_recollected' },
  ),
);

describe('N-2.3/N-2.4c card lifecycle properties', () => {
  it('every accepted event was listed by eventsFrom, and no sequence signs a card twice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CARD_STATES),
        fc.array(anyEvent, { maxLength: 12 }),
        (start, events) => {
          let state: CardState = start;
          let signatures = 0;
          for (const event of events) {
            const r = transitionCard(state, event);
            if (!r.ok) continue;
            expect(eventsFrom(state)).toContain(event.type);
            if (event.type === 'sign') signatures += 1;
            state = r.to;
          }
          expect(signatures).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('a card is never both signed and returned', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 12 }), (events) => {
        let state: CardState = 'at_unit';
        const happened = new Set<string>();
        for (const event of events) {
          const r = transitionCard(state, event);
          if (r.ok) {
            happened.add(event.type);
            state = r.to;
          }
        }
        expect(happened.has('sign') && happened.has('return')).toBe(false);
      }),
    );
  });
});
