import { z } from 'zod';
import { isCalendarDate } from '../dates/calendar-date.js';
import { bi } from '../i18n/bilingual.js';
import {
  birthDateFromIdNumber,
  genderFromIdNumber,
  ID_KINDS,
  type IdKind,
  validateIdNumber,
} from '../id/id-number.js';
import { normaliseIdNumber } from '../id/normalise-id-number.js';

/**
 * Field builders with bilingual messages. Every schema uses these, so that a form and the API
 * report the same message for the same mistake.
 */
export function text(zh: string, en: string, max = 50) {
  return z
    .string({ error: bi(`${zh}必须是文本`, `${en} must be text`) })
    .trim()
    .min(1, bi(`${zh}不能为空`, `${en} is required`))
    .max(max, bi(`${zh}不能超过${max}个字符`, `${en} must be at most ${max} characters`));
}

export function optionalText(zh: string, en: string, max = 50) {
  return text(zh, en, max).optional();
}

export function calendarDate(zh: string, en: string) {
  return z
    .string({ error: bi(`${zh}必须是日期`, `${en} must be a date`) })
    .trim()
    .refine(
      isCalendarDate,
      bi(`${zh}不是有效日期（YYYY-MM-DD）`, `${en} is not a valid date (YYYY-MM-DD)`),
    );
}

export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  zh: string,
  en: string,
) {
  return z.enum(values, {
    error: bi(
      `${zh}无效，可选值：${values.join('、')}`,
      `${en} must be one of: ${values.join(', ')}`,
    ),
  });
}

export function wholeNumber(zh: string, en: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z
    .number({ error: bi(`${zh}必须是数字`, `${en} must be a number`) })
    .int(bi(`${zh}必须是整数`, `${en} must be a whole number`))
    .min(min, bi(`${zh}不能小于${min}`, `${en} must be at least ${min}`))
    .max(max, bi(`${zh}不能大于${max}`, `${en} must be at most ${max}`));
}

/** Money is integer 元 (N-1.3a): never a float. */
export const yuan = wholeNumber('金额（元）', 'Amount (元)', 0, 1_000_000);

export const policyYear = wholeNumber('政策年度', 'Policy year', 2000, 2100);

export const idKind = oneOf(ID_KINDS, '证件类型', 'ID kind');

/** Full-width digits, spaces and hyphens are normalised before the number is checked. */
export const idNumberText = z
  .string({ error: bi('证件号码必须是文本', 'ID number must be text') })
  .transform(normaliseIdNumber)
  .refine((v) => v.length > 0, bi('证件号码不能为空', 'ID number is required'));

/**
 * Check an ID number against its kind (S-1.3) inside an object schema, reporting at the
 * number's own path so the form shows it next to the field.
 */
export function checkIdNumber(
  ctx: z.RefinementCtx,
  kind: IdKind,
  value: string,
  path: (string | number)[] = ['idNumber'],
): void {
  if (value.length === 0) return;
  const result = validateIdNumber(kind, value);
  if (!result.valid) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: result.reason ?? bi('证件号码无效', 'Invalid ID number'),
    });
  }
}

/** The birth date (and, where the number encodes it, the gender) must agree with the ID number. */
export function checkAgainstIdNumber(
  ctx: z.RefinementCtx,
  person: { idKind: IdKind; idNumber: string; birthDate: string; gender?: 'male' | 'female' },
): void {
  const fromId = birthDateFromIdNumber(person.idKind, person.idNumber);
  if (fromId !== undefined && fromId !== person.birthDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      message: bi(
        `出生日期与证件号码不符（证件号码为${fromId}）`,
        `Birth date does not match the ID number (${fromId})`,
      ),
    });
  }
  const gender = genderFromIdNumber(person.idKind, person.idNumber);
  if (person.gender !== undefined && gender !== undefined && gender !== person.gender) {
    ctx.addIssue({
      code: 'custom',
      path: ['gender'],
      message: bi('性别与证件号码不符', 'Gender does not match the ID number'),
    });
  }
}

export const phone = z
  .string({ error: bi('电话必须是文本', 'Phone must be text') })
  .transform((v) => v.replace(/[\s\u3000-]/g, ''))
  .refine(
    (v) => /^(\+?\d{6,15})$/.test(v),
    bi(
      '电话号码格式不正确（6-15位数字，可带+号）',
      'Phone number must be 6–15 digits, optionally with +',
    ),
  );

/**
 * Object-level checks run even when unrelated fields failed, so a form shows every mistake at
 * once; they are skipped only when a field they read is itself invalid, or when the input is
 * not an object at all (an array or a string body must be a validation error, not a crash).
 */
export function whenFieldsValid(...fields: string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      !Array.isArray(payload.value) &&
      !payload.issues.some((i) => fields.includes(String(i.path?.[0]))),
  };
}

/** The API's field → message map, from any zod error (paths joined with '.'). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    out[key] ??= issue.message;
  }
  return out;
}
