import { type CellValue, cellText, maskIdNumber } from '@sscard/rules';

// An 18-character resident ID number (area, birth date, sequence, check character) anywhere.
const RESIDENT_ID =
  /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;

/** Column keys whose values are ID numbers, whatever they look like. */
const ID_COLUMNS: ReadonlySet<string> = new Set(['idNumber']);

/**
 * A stored or shown value: an ID-number column is masked whole, and any other text has the
 * resident ID numbers in it masked (someone may have typed one into the wrong column).
 */
export function maskedValue(value: string, columnKey: string | null): string {
  if (value === '') return value;
  if (columnKey !== null && ID_COLUMNS.has(columnKey)) return maskIdNumber(value);
  return maskIdsIn(value);
}

export function maskIdsIn(text: string): string {
  return text.replace(RESIDENT_ID, (m) => maskIdNumber(m));
}

/** The header text of a column as found in the file (what the user sees). */
export function headerText(header: readonly CellValue[], index: number): string {
  return cellText(header[index]).trim();
}
