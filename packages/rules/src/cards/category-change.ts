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
