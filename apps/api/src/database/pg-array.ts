/** An element of a one-dimensional PostgreSQL array parameter; null and undefined are NULL. */
export type PgArrayElement = string | number | null | undefined;

const NEEDS_ESCAPE = /["\\]/;

/**
 * The text form of a one-dimensional array (`{"a","b",NULL}`) for a `$n::text[]` (or `int[]`,
 * `date[]`, `jsonb[]`) parameter, built with one join. node-postgres serialises a JS array
 * element by element with string concatenation: for the chunks of a 100,000-row import that
 * was 230 MB of short-lived strings, the largest allocation of ours (docs/performance.md).
 * Every element is quoted, so commas, braces, blanks and the word NULL stay text.
 */
export function pgArray(values: readonly PgArrayElement[]): string {
  let plain = true;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'string' && NEEDS_ESCAPE.test(v))) {
      plain = false;
      break;
    }
  }
  if (values.length === 0) return '{}';
  if (plain) return `{"${values.join('","')}"}`;
  return `{${values.map(element).join(',')}}`;
}

function element(v: PgArrayElement): string {
  if (v === null || v === undefined) return 'NULL';
  const text = String(v);
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
}
