/**
 * Document layouts of clause S-1.3, shared by validation, masking and kind detection. Kept
 * apart from the validators so the layouts can be read (and reviewed) in one place.
 */
import type { IdKind } from './id-number.js';
import { normaliseIdNumber } from './normalise-id-number.js';

// GB/T 2260 province-level codes that appear on mainland resident ID numbers.
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    [11, 15],
    [21, 23],
    [31, 37],
    [41, 46],
    [50, 54],
    [61, 65],
  ].flatMap(([from = 0, to = 0]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i)),
  ),
);

// Prefixes that look like GB/T 2260 areas but are never issued on resident ID cards; each one
// usually means the applicant picked the wrong document type, so the reason names the place.
export const NON_RESIDENT_AREAS: Readonly<Record<string, { zh: string; en: string }>> = {
  '71': { zh: '台湾', en: 'Taiwan' },
  '81': { zh: '香港', en: 'Hong Kong' },
  '82': { zh: '澳门', en: 'Macao' },
  '83': { zh: '台湾', en: 'Taiwan' },
  '91': { zh: '外国人', en: 'foreign nationals' },
};

export const PERMIT_PREFIXES = ['810000', '820000', '830000'] as const;

export const EIGHTEEN_RE = /^\d{17}[\dX]$/;
export const TRAVEL_PERMIT_RE = /^[HM](\d{8}|\d{10})$/;
export const FOREIGN_OLD_RE = /^[A-Z]{3}\d{12}$/;

export const ID_KIND_LABELS: Readonly<Record<IdKind, { zh: string; en: string }>> = {
  resident: { zh: '居民身份证', en: 'resident ID card' },
  hk_mo_tw_permit: { zh: '港澳台居民居住证', en: 'Hong Kong/Macao/Taiwan residence permit' },
  hk_mo_travel_permit: {
    zh: '港澳居民来往内地通行证',
    en: 'Mainland Travel Permit for Hong Kong and Macao Residents',
  },
  foreign_permanent: { zh: '外国人永久居留身份证', en: 'Foreign Permanent Resident ID Card' },
};

/**
 * Which document a number structurally belongs to, if any. The shapes are disjoint (province
 * codes start 1–6, permits 8, 2023 foreign cards 9, the rest with letters), so a match for a
 * kind other than the one requested reliably means the wrong document type was chosen.
 */
export function detectIdKind(value: string): IdKind | undefined {
  const n = normaliseIdNumber(value);
  if (EIGHTEEN_RE.test(n)) {
    if (PERMIT_PREFIXES.some((p) => n.startsWith(p))) return 'hk_mo_tw_permit';
    if (n.startsWith('9') && PROVINCE_CODES.has(n.slice(1, 3))) return 'foreign_permanent';
    if (PROVINCE_CODES.has(n.slice(0, 2))) return 'resident';
    return undefined;
  }
  if (TRAVEL_PERMIT_RE.test(n)) return 'hk_mo_travel_permit';
  if (FOREIGN_OLD_RE.test(n)) return 'foreign_permanent';
  return undefined;
}
