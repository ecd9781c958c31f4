import { bi } from '@sscard/rules';
import { z } from 'zod';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id inside a body: refused as a field error (422) before it can reach SQL as a bad uuid. */
export function uuidText(zh: string, en: string) {
  return z
    .string({ error: bi(`${zh}必须是文本`, `${en} must be text`) })
    .trim()
    .refine((v) => UUID_PATTERN.test(v), bi(`${zh}编号格式无效`, `${en} id is not a valid id`))
    .transform((v) => v.toLowerCase());
}
