import {
  formatCalendarDate,
  isRealDate,
  parseCalendarDate,
  todayInShanghai,
} from '../dates/calendar-date.js';
import { bi } from '../i18n/bilingual.js';
import {
  detectIdKind,
  EIGHTEEN_RE,
  FOREIGN_OLD_RE,
  ID_KIND_LABELS,
  NON_RESIDENT_AREAS,
  PERMIT_PREFIXES,
  PROVINCE_CODES,
  TRAVEL_PERMIT_RE,
} from './id-formats.js';
import { normaliseIdNumber } from './normalise-id-number.js';

/** Clause S-1.3: the identity documents an applicant may enrol with. */
export const ID_KINDS = [
  'resident',
  'hk_mo_tw_permit',
  'hk_mo_travel_permit',
  'foreign_permanent',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

export { detectIdKind, ID_KIND_LABELS };

export interface IdValidationResult {
  valid: boolean;
  /** Bilingual, present only when invalid. */
  reason?: string;
  normalised: string;
  /** 'YYYY-MM-DD', present only when valid and the document encodes a birth date. */
  birthDate?: string;
}

export interface IdValidationOptions {
  /** 'YYYY-MM-DD'; defaults to today in Asia/Shanghai. */
  today?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH = '1900-01-01';

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) for the first 17 digits. */
export function mod112CheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(
      bi(`校验码计算需要 17 位数字：${first17}`, `Check digit needs exactly 17 digits: ${first17}`),
    );
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + Number(first17.charAt(i)) * w, 0);
  return CHECK_CHARS.charAt(sum % 11);
}

type Check = { reason: string } | { birthDate?: string };

function checkBirthDate(year: number, month: number, day: number, today: string): Check {
  if (!isRealDate(year, month, day)) {
    const shown = formatCalendarDate(year, month, day).replaceAll('-', '');
    return {
      reason: bi(`出生日期 ${shown} 不是有效日期`, `Birth date ${shown} is not a real date`),
    };
  }
  const date = formatCalendarDate(year, month, day);
  // Both sides are well-formed YYYY-MM-DD here, so string order is date order.
  if (date < EARLIEST_BIRTH) {
    return {
      reason: bi(`出生日期 ${date} 早于 1900-01-01`, `Birth date ${date} is before 1900-01-01`),
    };
  }
  if (date > today) {
    return { reason: bi(`出生日期 ${date} 晚于今天`, `Birth date ${date} is in the future`) };
  }
  return { birthDate: date };
}

/**
 * Shared layout of the resident ID, residence permit and 2023 foreign card: area-ish prefix,
 * YYYYMMDD at index 6..13, sequence, MOD 11-2 check character. Checks run in reading order so
 * the reason names the first thing wrong.
 */
function checkEighteen(n: string, today: string, areaReason: string | undefined): Check {
  if (n.length !== 18) {
    return {
      reason: bi(
        `号码应为 18 位（实际 ${n.length} 位）`,
        `Must be 18 characters (got ${n.length})`,
      ),
    };
  }
  if (!EIGHTEEN_RE.test(n)) {
    return {
      reason: bi(
        '号码格式错误：前 17 位应为数字，最后一位为数字或 X',
        'Invalid format: the first 17 characters must be digits and the last a digit or X',
      ),
    };
  }
  if (areaReason !== undefined) return { reason: areaReason };
  const birth = checkBirthDate(
    Number(n.slice(6, 10)),
    Number(n.slice(10, 12)),
    Number(n.slice(12, 14)),
    today,
  );
  if ('reason' in birth) return birth;
  const expected = mod112CheckDigit(n.slice(0, 17));
  if (n.charAt(17) !== expected) {
    return {
      reason: bi(`校验码错误（应为 ${expected}）`, `Check digit mismatch (expected ${expected})`),
    };
  }
  return birth;
}

function residentAreaReason(n: string): string | undefined {
  const area = n.slice(0, 2);
  const special = NON_RESIDENT_AREAS[area];
  if (special) {
    return bi(
      `地区码 ${area}（${special.zh}）不用于居民身份证，请选择对应的证件类型`,
      `Area code ${area} (${special.en}) is not used on resident ID cards; choose the matching ID type`,
    );
  }
  return PROVINCE_CODES.has(area)
    ? undefined
    : bi(`未知的地区码 ${area}`, `Unknown area code ${area}`);
}

function permitAreaReason(n: string): string | undefined {
  if (PERMIT_PREFIXES.some((p) => n.startsWith(p))) return undefined;
  const area = n.slice(0, 6);
  return bi(
    `未知的地区码 ${area}：居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头`,
    `Unknown area code ${area}: residence permit numbers start with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)`,
  );
}

function foreignAreaReason(n: string): string | undefined {
  if (!n.startsWith('9')) {
    return bi('2023 版号码应以 9 开头', 'The 2023-format number must start with 9');
  }
  const area = n.slice(1, 3);
  if (!PROVINCE_CODES.has(area)) return bi(`未知的地区码 ${area}`, `Unknown area code ${area}`);
  if (n.slice(3, 6) === '000') return bi('国籍代码 000 无效', 'Nationality code 000 is invalid');
  return undefined;
}

function checkTravelPermit(n: string): Check {
  if (!/^[HM]/.test(n)) {
    return {
      reason: bi(
        '通行证号码应以 H（香港）或 M（澳门）开头',
        'Travel permit numbers start with H (Hong Kong) or M (Macao)',
      ),
    };
  }
  if (TRAVEL_PERMIT_RE.test(n)) return {};
  return {
    reason: bi(
      '号码格式错误：H 或 M 后应为 8 位数字（2013 年起的卡式证）或 10 位数字（旧版本式证）',
      'Invalid format: H or M must be followed by 8 digits (2013+ card) or 10 digits (older booklet)',
    ),
  };
}

function checkForeign(n: string, today: string): Check {
  if (n.length === 18) return checkEighteen(n, today, foreignAreaReason(n));
  if (n.length !== 15) {
    return {
      reason: bi(
        `号码应为 18 位（2023 版）或 15 位（旧版），实际 ${n.length} 位`,
        `Must be 18 characters (2023 format) or 15 (old format), got ${n.length}`,
      ),
    };
  }
  // Pre-2023 card: 3-letter nationality, 2-digit issuing code, YYMMDD, 4 digits. Only structure
  // and birth date are checked because this format's check-digit scheme is not published in the
  // sources we hold; rejecting on a guessed scheme could turn away genuine cardholders.
  if (!FOREIGN_OLD_RE.test(n)) {
    return {
      reason: bi(
        '号码格式错误：旧版应为 3 位国籍字母加 12 位数字',
        'Invalid format: the old format is a 3-letter nationality code followed by 12 digits',
      ),
    };
  }
  const yy = Number(n.slice(5, 7));
  const year = (yy > Number(today.slice(2, 4)) ? 1900 : 2000) + yy;
  return checkBirthDate(year, Number(n.slice(7, 9)), Number(n.slice(9, 11)), today);
}

// The person schema asks about the same number three times (validity, birth date, gender): the
// last answer is kept, which makes bulk imports about three times cheaper.
let last: { kind: IdKind; value: string; today: string; result: IdValidationResult } | undefined;

export function validateIdNumber(
  kind: IdKind,
  value: string,
  options: IdValidationOptions = {},
): IdValidationResult {
  if (options.today !== undefined) parseCalendarDate(options.today);
  const today = options.today ?? todayInShanghai();
  if (last && last.kind === kind && last.value === value && last.today === today)
    return last.result;
  const result = validateUncached(kind, value, today);
  last = { kind, value, today, result };
  return result;
}

function validateUncached(kind: IdKind, value: string, today: string): IdValidationResult {
  const normalised = normaliseIdNumber(value);
  if (normalised === '') {
    return { valid: false, reason: bi('请填写证件号码', 'ID number is required'), normalised };
  }
  const detected = detectIdKind(normalised);
  if (detected !== undefined && detected !== kind) {
    const label = ID_KIND_LABELS[detected];
    return {
      valid: false,
      reason: bi(`这是${label.zh}号码`, `This is a ${label.en} number`),
      normalised,
    };
  }
  const result =
    kind === 'resident'
      ? checkEighteen(normalised, today, residentAreaReason(normalised))
      : kind === 'hk_mo_tw_permit'
        ? checkEighteen(normalised, today, permitAreaReason(normalised))
        : kind === 'hk_mo_travel_permit'
          ? checkTravelPermit(normalised)
          : checkForeign(normalised, today);
  if ('reason' in result) return { valid: false, reason: result.reason, normalised };
  return result.birthDate === undefined
    ? { valid: true, normalised }
    : { valid: true, normalised, birthDate: result.birthDate };
}

/** Birth date of a valid number only: a date read out of an invalid number is not evidence. */
export function birthDateFromIdNumber(kind: IdKind, value: string): string | undefined {
  return validateIdNumber(kind, value).birthDate;
}

/**
 * Gender of a valid resident ID or residence permit: the 17th character (the sequence's last
 * digit) is odd for men and even for women (GB 11643). Other kinds do not encode it.
 */
export function genderFromIdNumber(kind: IdKind, value: string): 'male' | 'female' | undefined {
  if (kind !== 'resident' && kind !== 'hk_mo_tw_permit') return undefined;
  const result = validateIdNumber(kind, value);
  if (!result.valid) return undefined;
  return Number(result.normalised.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

/**
 * The one display mask for every ID kind; it always hides the birth date. Never throws, so it
 * is safe on whatever a user typed.
 */
export function maskIdNumber(value: string): string {
  // Code points rather than UTF-16 units so a stray emoji is never split into lone surrogates.
  const chars = Array.from(normaliseIdNumber(value));
  const n = chars.join('');
  const keep = (head: number, tail: number): string =>
    chars.slice(0, head).join('') +
    '*'.repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('');
  if (chars.length === 18) return keep(6, 4);
  if (FOREIGN_OLD_RE.test(n)) return keep(5, 4);
  if (TRAVEL_PERMIT_RE.test(n)) return keep(1, 4);
  if (chars.length >= 6) return keep(2, 2);
  return '*'.repeat(chars.length);
}
