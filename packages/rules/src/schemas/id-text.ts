import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A record's id inside a request: refused as a field error before it can reach the database as
 * a bad uuid, and the same check in a form, so both say the same words.
 */
export function uuidText(zh: string, en: string) {
  return z
    .string({
      // Nothing chosen (a form's empty select, a missing field) says so, not "must be text".
      error: (issue) =>
        issue.input === undefined
          ? bi(`${zh}不能为空`, `${en} is required`)
          : bi(`${zh}必须是文本`, `${en} must be text`),
    })
    .trim()
    .refine((v) => UUID_PATTERN.test(v), bi(`${zh}编号格式无效`, `${en} id is not a valid id`))
    .transform((v) => v.toLowerCase());
}

/** Marks every line whose key was already seen ("the same card is listed twice"). */
export function reportRepeats(
  keys: readonly string[],
  ctx: z.RefinementCtx,
  path: (index: number) => (string | number)[],
): void {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: path(i),
        message: bi('同一张社保卡重复出现', 'The same card is listed twice'),
      });
    }
    seen.add(key);
  });
}
