import { ALLOWED, refuse, type RuleResult } from '../common/rule-result.js';
import type { Category } from '../policy/categories.js';

/**
 * N-2.5: categories change with age — a student or child becomes an unemployed resident, an
 * unemployed resident becomes elderly. Other changes are not the age-related identity sync.
 */
const AGE_CHANGES: Record<Category, readonly Category[]> = {
  student_child: ['unemployed', 'unemployed_disabled'],
  unemployed: ['elderly'],
  unemployed_disabled: ['elderly'],
  elderly: [],
};

export function categoryChangeAllowed(from: Category, to: Category): boolean {
  return AGE_CHANGES[from].includes(to);
}

/**
 * N-2.5: a category change is recorded only for an age-related change, and only after the fee
 * at the new category's standard is paid. Used for the change itself (also when the person has
 * no card to sync) and by the card lifecycle's `start_identity_sync`.
 */
export function checkCategoryChange(
  from: Category,
  to: Category,
  paidAtNewStandard: boolean,
): RuleResult {
  if (!categoryChangeAllowed(from, to)) {
    return refuse(
      'N-2.5',
      '该人员类别变更不属于因年龄增长的变更',
      'This category change is not an age-related change',
    );
  }
  return paidAtNewStandard
    ? ALLOWED
    : refuse(
        'N-2.5',
        '须先按新类别标准缴费',
        'The fee at the new category’s standard must be paid first',
      );
}
