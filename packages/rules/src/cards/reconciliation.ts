import { bi } from '../i18n/bilingual.js';

/**
 * N-2.4c: a return is reconciled against the receipt (回执单). Every card the unit received is
 * either signed for (N-2.3) or returned — never both, never neither.
 */
export type ReconciliationStatus = 'signed' | 'returned' | 'neither' | 'both';

export function reconciliationStatus(signed: boolean, returned: boolean): ReconciliationStatus {
  if (signed && returned) return 'both';
  if (signed) return 'signed';
  if (returned) return 'returned';
  return 'neither';
}

export interface ReconciliationLine {
  signed: boolean;
  returned: boolean;
}

export interface Reconciliation<T> {
  received: number;
  signed: number;
  returned: number;
  /** received = signed + returned, and no card is both or neither. */
  balanced: boolean;
  cards: (T & { status: ReconciliationStatus })[];
  differences: (T & { status: 'neither' | 'both' })[];
}

/** N-2.4c: reconcile a batch's cards: received = signed + returned, with the differences. */
export function reconcileReceipt<T extends ReconciliationLine>(lines: T[]): Reconciliation<T> {
  const cards = lines.map((l) => ({ ...l, status: reconciliationStatus(l.signed, l.returned) }));
  const differences = cards.filter(
    (c): c is T & { status: 'neither' | 'both' } => c.status === 'neither' || c.status === 'both',
  );
  const signed = lines.filter((l) => l.signed).length;
  const returned = lines.filter((l) => l.returned).length;
  return {
    received: lines.length,
    signed,
    returned,
    balanced: differences.length === 0 && signed + returned === lines.length,
    cards,
    differences,
  };
}

export type ReturnSetCheck =
  | { ok: true }
  | { ok: false; clause: 'N-2.4c'; message: string; missing: string[]; extra: string[] };

/**
 * N-2.4c: the unit returns every undistributed card, so the cards handed back must be exactly
 * those still at the unit: a missing one would be neither signed nor returned, an extra one
 * (signed, or not of this batch) would be both or foreign.
 */
export function checkReturnSet(
  stillAtUnit: readonly string[],
  returned: readonly string[],
): ReturnSetCheck {
  const expected = new Set(stillAtUnit);
  const given = new Set(returned);
  const missing = stillAtUnit.filter((id) => !given.has(id));
  const extra = [...given].filter((id) => !expected.has(id));
  if (missing.length === 0 && extra.length === 0) return { ok: true };
  return {
    ok: false,
    clause: 'N-2.4c',
    message: bi(
      `退回的社保卡须与单位尚未发出的社保卡完全一致（缺少${missing.length}张，多出${extra.length}张）`,
      `The returned cards must be exactly the undistributed cards still at the unit (${missing.length} missing, ${extra.length} extra)`,
    ),
    missing,
    extra,
  };
}
