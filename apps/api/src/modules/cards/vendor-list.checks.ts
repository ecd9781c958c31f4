import { bi, CARD_STATE_LABELS, type VendorCard } from '@sscard/rules';
import type { ResolvedRow } from './vendor-list.repository.js';

type Errors = Record<string, string>;

const put = (errors: Errors, idx: number, field: string, message: string) => {
  errors[`cards.${idx}.${field}`] ??= message;
};

/** Rows sharing a value, by value (only values seen more than once). */
function duplicates(values: (string | undefined)[]): number[][] {
  const byValue = new Map<string, number[]>();
  values.forEach((v, i) => {
    if (v !== undefined) byValue.set(v, [...(byValue.get(v) ?? []), i]);
  });
  return [...byValue.values()].filter((rows) => rows.length > 1);
}

/** Duplicates inside the list itself: the same card number, or the same person twice. */
function checkInsideList(rows: VendorCard[], errors: Errors): void {
  for (const group of duplicates(
    rows.map((r) => (r.state === 'made' ? r.cardNumber : undefined)),
  )) {
    const list = group.join(', ');
    for (const i of group) {
      put(
        errors,
        i,
        'cardNumber',
        bi(`卡号在清单中重复（第 ${list} 项）`, `Duplicate card number in the list (rows ${list})`),
      );
    }
  }
  for (const group of duplicates(rows.map((r) => r.idNumber))) {
    const list = group.join(', ');
    for (const i of group) {
      put(
        errors,
        i,
        'idNumber',
        bi(
          `同一参保人员在清单中出现多次（第 ${list} 项）`,
          `The same resident appears more than once (rows ${list})`,
        ),
      );
    }
  }
}

/**
 * Every row checked against the database's answer; the field map names the row index and the
 * field (`cards.3.idNumber`), like the schema's own errors. Rows are numbered from 0.
 */
export function checkVendorRows(rows: VendorCard[], resolved: ResolvedRow[]): Errors {
  const errors: Errors = {};
  checkInsideList(rows, errors);
  checkAgainstDatabase(rows, resolved, errors);
  return errors;
}

/**
 * Only the checks against the database (unknown unit or resident, name or ID kind that does not
 * match, a live card, a stored card number): the spreadsheet import finds duplicates across the
 * whole file itself and runs these per chunk. Same keys as checkVendorRows.
 */
export function checkVendorRowsAgainstDb(rows: VendorCard[], resolved: ResolvedRow[]): Errors {
  const errors: Errors = {};
  checkAgainstDatabase(rows, resolved, errors);
  return errors;
}

function checkAgainstDatabase(rows: VendorCard[], resolved: ResolvedRow[], errors: Errors): void {
  for (const r of resolved) {
    const row = rows[r.idx];
    if (!row) continue;
    if (!r.unitId) {
      put(
        errors,
        r.idx,
        'madeForUnitCode',
        bi('不是本区县的参保单位', 'Not a registration code of a unit in your district'),
      );
    }
    if (!r.residentId) {
      put(
        errors,
        r.idx,
        'idNumber',
        bi('没有该证件号码的参保人员', 'No enrolled resident has this ID number'),
      );
      continue;
    }
    if (r.residentIdKind !== row.idKind) {
      put(
        errors,
        r.idx,
        'idKind',
        bi('证件类型与参保登记不符', 'The ID kind does not match the enrolment record'),
      );
    }
    if (r.residentName !== row.holderName) {
      put(
        errors,
        r.idx,
        'holderName',
        bi('姓名与该证件号码的参保登记不符', 'The name does not match this ID number’s resident'),
      );
    }
    // N-2.6: a card not made for a data problem may come back made; any other card is live.
    if (r.existingState && !(r.existingState === 'not_made_data_problem' && row.state === 'made')) {
      const label = CARD_STATE_LABELS[r.existingState];
      put(
        errors,
        r.idx,
        'idNumber',
        bi(`该参保人员已有社保卡（${label.zh}）`, `This resident already has a card (${label.en})`),
      );
    }
    if (r.numberTaken) {
      put(errors, r.idx, 'cardNumber', bi('该卡号已存在', 'This card number already exists'));
    }
  }
}
