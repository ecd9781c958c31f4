/**
 * True when a database error is a unique violation of the named constraint. A check-then-insert
 * can still lose a race to a concurrent request; the constraint is the final word, and its
 * violation is reported like the check's answer instead of a 500.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && e.constraint === constraint;
}
