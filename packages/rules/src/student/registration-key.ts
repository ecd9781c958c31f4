import { bi } from '../i18n/bilingual.js';
import { normaliseIdNumber } from '../id/normalise-id-number.js';

/**
 * S-1.2: a person registers once per policy year — the key is the year and the (normalised) ID
 * number. The database enforces it with the unique constraint uq_student_year_id_number on
 * (policy_year, id_number); this key is what the API checks first, to name the clashing row.
 */
export function studentRegistrationKey(policyYear: number, idNumber: string): string {
  return `${policyYear}:${normaliseIdNumber(idNumber)}`;
}

export const DUPLICATE_REGISTRATION_MESSAGE = bi(
  '该证件号码本年度已登记，请勿重复登记',
  'This ID number is already registered for the year',
);

/** Where a set of registrations repeats itself: index → the index of the first with its key. */
export function repeatedRegistrations(
  policyYear: number,
  rows: readonly { idNumber: string }[],
): Map<number, number> {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  rows.forEach((row, index) => {
    const key = studentRegistrationKey(policyYear, row.idNumber);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else repeats.set(index, seen);
  });
  return repeats;
}

export function repeatedRegistrationMessage(firstIndex: number): string {
  return bi(`证件号码与第${firstIndex + 1}条重复`, `The ID number repeats entry ${firstIndex + 1}`);
}
