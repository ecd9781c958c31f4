import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReturnSet, reconcileReceipt, reconciliationStatus } from './reconciliation.js';

describe('N-2.4c reconciliation of a return against the receipt', () => {
  it('each card is signed or returned; both and neither are differences', () => {
    expect(reconciliationStatus(true, false)).toBe('signed');
    expect(reconciliationStatus(false, true)).toBe('returned');
    expect(reconciliationStatus(false, false)).toBe('neither');
    expect(reconciliationStatus(true, true)).toBe('both');
  });

  it('received = signed + returned when balanced; differences are listed per card', () => {
    const ok = reconcileReceipt([
      { id: 'a', signed: true, returned: false },
      { id: 'b', signed: false, returned: true },
    ]);
    expect(ok).toMatchObject({ received: 2, signed: 1, returned: 1, balanced: true });
    expect(ok.differences).toEqual([]);
    const off = reconcileReceipt([
      { id: 'a', signed: true, returned: false },
      { id: 'b', signed: false, returned: false },
    ]);
    expect(off.balanced).toBe(false);
    expect(off.differences).toEqual([
      { id: 'b', signed: false, returned: false, status: 'neither' },
    ]);
  });

  it('a return must hold exactly the cards still at the unit, listing missing and extra ids', () => {
    expect(checkReturnSet(['a', 'b'], ['b', 'a'])).toEqual({ ok: true });
    const r = checkReturnSet(['a', 'b'], ['b', 'c']);
    expect(r).toMatchObject({ ok: false, clause: 'N-2.4c', missing: ['a'], extra: ['c'] });
  });

  it('balanced exactly when no card is both or neither (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ signed: fc.boolean(), returned: fc.boolean() })),
        (lines) => {
          const r = reconcileReceipt(lines);
          const exclusive = lines.every((l) => l.signed !== l.returned);
          expect(r.balanced).toBe(exclusive);
          if (r.balanced) expect(r.signed + r.returned).toBe(r.received);
        },
      ),
    );
  });
});
