import { formatCalendarDate, isRealDate, type CalendarDate } from '../dates/calendar-date.js';
import { bi } from '../i18n/bilingual.js';
import { maskIdNumber } from '../id/id-number.js';
import type { InstitutionChoice } from '../institutions/designated-institutions.js';
import type { CellValue } from './import-sheets.js';
import {
  BOOLEAN_LABELS,
  INSTITUTION_KIND_LABELS,
  type LabelMap,
  labelChoices,
  lookupLabel,
} from './sheet-labels.js';

/**
 * Reading one cell for one column. Each reader returns the value (undefined for a blank cell) or
 * a bilingual message that names what is wrong with the cell and what to do about it.
 */
export type Coerced<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

export interface FieldLabel {
  zh: string;
  en: string;
}

const BLANK: Coerced<never> = { ok: true, value: undefined };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

export const FORMULA_MESSAGE = bi(
  '单元格含公式，请复制后“选择性粘贴为数值”',
  'The cell contains a formula: copy it and paste it back with Paste Special → Values',
);

export function isFormulaCell(cell: CellValue | undefined): cell is { formula: string } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && 'formula' in cell;
}

export function isErrorCell(cell: CellValue | undefined): cell is { error: string } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && 'error' in cell;
}

export function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** A date cell holds the calendar date at UTC midnight (that is how exceljs reads serials). */
function dateCellToCalendar(d: Date): CalendarDate | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return formatCalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The cell as a person would read it back: for messages, error reports and headers. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return dateCellToCalendar(cell) ?? '';
  if ('formula' in cell) return `=${cell.formula}`;
  return cell.error;
}

/** Formula and error cells are refused in every column: the file must hold the values. */
function special(cell: CellValue | undefined): string | undefined {
  if (isFormulaCell(cell)) return FORMULA_MESSAGE;
  if (isErrorCell(cell)) {
    return bi(
      `单元格是错误值 ${cell.error}，请改为实际内容`,
      `The cell holds the error value ${cell.error}: enter the actual value`,
    );
  }
  return undefined;
}

function notText(cell: boolean | Date, label: FieldLabel): string {
  if (typeof cell === 'boolean') {
    const v = cell ? 'TRUE' : 'FALSE';
    return bi(
      `${label.zh}应为文字，读到的是逻辑值 ${v}`,
      `${label.en} must be text, not the logical value ${v}`,
    );
  }
  const d = cellText(cell);
  return bi(
    `${label.zh}应为文字，读到的是日期 ${d}（Excel 把内容自动转成了日期）；请把该列设置为“文本”格式后重新填写`,
    `${label.en} must be text but the cell is the date ${d} (Excel turned it into a date); format the column as Text and enter it again`,
  );
}

/** Free text (names, classes, notes). */
export function textCell(cell: CellValue | undefined, label: FieldLabel): Coerced<string> {
  if (isBlankCell(cell) || cell === undefined || cell === null) return BLANK;
  const refused = special(cell);
  if (refused !== undefined) return fail(refused);
  if (typeof cell === 'boolean' || cell instanceof Date) return fail(notText(cell, label));
  return { ok: true, value: String(cell).trim() };
}

// Excel keeps 15 significant digits: a whole number from 10^15 up has lost its last digits.
const EXACT_LIMIT = 1e15;

/** Strips what people and exporters put in front of digits to keep them text: '… and ="…". */
function unwrapCode(text: string): string {
  const t = text.trim();
  const quoted = /^=?"(.*)"$/s.exec(t);
  if (quoted) return (quoted[1] ?? '').trim();
  return t.startsWith("'") ? t.slice(1).trim() : t;
}

/** Identifiers typed as digits (card numbers, unit codes, phones, student numbers). */
export function codeCell(cell: CellValue | undefined, label: FieldLabel): Coerced<string> {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && Math.abs(cell) >= EXACT_LIMIT) {
      const shown = cell.toLocaleString('en-US', { useGrouping: false });
      return fail(
        bi(
          `${label.zh}是数值格式（读到 ${shown}），Excel 只保留 15 位有效数字，后几位已经丢失；请把该列设置为“文本”格式后重新录入`,
          `${label.en} is stored as a number (read as ${shown}); Excel keeps only 15 significant digits, so the last digits are lost. Format the column as Text and enter it again`,
        ),
      );
    }
    return { ok: true, value: String(cell) };
  }
  const text = textCell(cell, label);
  if (!text.ok || text.value === undefined) return text;
  const value = unwrapCode(text.value);
  return value === '' ? BLANK : { ok: true, value };
}

/**
 * ID numbers (S-1.3). A number cell has already lost digits beyond the 15th, so it is refused;
 * the message masks what was read, since it is still most of a person's ID number.
 */
export function idNumberCell(cell: CellValue | undefined): Coerced<string> {
  if (typeof cell === 'number' && Number.isInteger(cell) && Math.abs(cell) >= EXACT_LIMIT) {
    const shown = maskIdNumber(cell.toLocaleString('en-US', { useGrouping: false }));
    return fail(
      bi(
        `证件号码是数值格式（读到 ${shown}），Excel 只保留 15 位有效数字，18 位号码的后几位已经丢失；请把该列设置为“文本”格式后重新录入号码`,
        `The ID number is stored as a number (read as ${shown}); Excel keeps only 15 significant digits, so the last digits of an 18-digit number are lost. Format the column as Text and enter the numbers again`,
      ),
    );
  }
  return codeCell(cell, { zh: '证件号码', en: 'ID number' });
}

const DATE_FORMS = {
  zh: '2010-05-01、2010/5/1、2010.5.1、2010年5月1日 或 20100501',
  en: '2010-05-01, 2010/5/1, 2010.5.1, 2010年5月1日 or 20100501',
};

/** Excel's 1900 date system, with its phantom 1900-02-29 (serial 60) that has no real date. */
export function excelSerialToDate(serial: number): CalendarDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465 || whole === 60) return undefined;
  const base = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + whole * 86_400_000);
  return formatCalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export type DateText = { date: CalendarDate } | { problem: 'format' | 'not_real' };

/** The written forms of a date that sheets use; a time of day (no time zone) is ignored. */
export function parseDateText(text: string): DateText {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/, '');
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(t) ??
    /^(\d{4})(年)(\d{1,2})月(\d{1,2})日?$/.exec(t) ??
    /^(\d{4})()(\d{2})(\d{2})$/.exec(t);
  if (!m) return { problem: 'format' };
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (!isRealDate(year, month, day)) return { problem: 'not_real' };
  return { date: formatCalendarDate(year, month, day) };
}

export function dateCell(cell: CellValue | undefined, label: FieldLabel): Coerced<CalendarDate> {
  if (isBlankCell(cell) || cell === undefined || cell === null) return BLANK;
  const refused = special(cell);
  if (refused !== undefined) return fail(refused);
  if (cell instanceof Date) {
    const date = dateCellToCalendar(cell);
    return date === undefined
      ? fail(bi(`${label.zh}不是有效日期`, `${label.en} is not a valid date`))
      : { ok: true, value: date };
  }
  if (typeof cell === 'boolean') {
    return fail(bi(`${label.zh}应为日期`, `${label.en} must be a date`));
  }
  if (typeof cell === 'number') {
    // 20100501 typed into a General cell: as a serial it would be past 9999-12-31, so the
    // reading is unambiguous and the date is taken.
    if (Number.isInteger(cell) && cell >= 10_000_000 && cell <= 99_991_231) {
      const parsed = parseDateText(String(cell));
      if ('date' in parsed) return { ok: true, value: parsed.date };
    }
    const guess = excelSerialToDate(cell);
    return fail(
      guess === undefined
        ? bi(
            `${label.zh}是数字 ${cell}，不是日期；请写成 ${DATE_FORMS.zh}`,
            `${label.en} is the number ${cell}, not a date; write ${DATE_FORMS.en}`,
          )
        : bi(
            `${label.zh}是数字 ${cell}，不是日期。它可能是 Excel 日期序列号，对应 ${guess}；请把单元格设置为日期格式，或直接写成 ${guess}`,
            `${label.en} is the number ${cell}, not a date. It may be an Excel date serial number for ${guess}; format the cell as a date or write ${guess}`,
          ),
    );
  }
  const shown = cellText(cell).trim();
  const parsed = parseDateText(shown);
  if ('date' in parsed) return { ok: true, value: parsed.date };
  return fail(
    parsed.problem === 'not_real'
      ? bi(`${label.zh}“${shown}”不是真实存在的日期`, `${label.en} "${shown}" is not a real date`)
      : bi(
          `${label.zh}“${shown}”不是可识别的日期，请写成 ${DATE_FORMS.zh}`,
          `${label.en} "${shown}" is not a recognised date; write ${DATE_FORMS.en}`,
        ),
  );
}

function unknownLabel(label: FieldLabel, text: string, labels: LabelMap<string>): string {
  const choices = labelChoices(labels);
  return bi(
    `${label.zh}“${text}”无法识别，可填：${choices.zh}`,
    `${label.en} "${text}" is not recognised; use one of: ${choices.en}`,
  );
}

/** One value of an enumeration, written as its Chinese label, an alias, or its English name. */
export function enumCell<T extends string>(
  cell: CellValue | undefined,
  labels: LabelMap<T>,
  label: FieldLabel,
): Coerced<T> {
  if (isBlankCell(cell) || cell === undefined || cell === null) return BLANK;
  const refused = special(cell);
  if (refused !== undefined) return fail(refused);
  const text = cellText(cell).trim();
  const value = lookupLabel(labels, text);
  return value === undefined ? fail(unknownLabel(label, text, labels)) : { ok: true, value };
}

export function booleanCell(cell: CellValue | undefined, label: FieldLabel): Coerced<boolean> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const read = enumCell(cell, BOOLEAN_LABELS, label);
  if (!read.ok || read.value === undefined) return read as Coerced<never>;
  return { ok: true, value: read.value === 'true' };
}

/** What people write in a list cell to say "none". */
const NONE_WORDS = new Set(['无', '没有', '-', '—', '－', '/', '／', 'none', 'n/a']);
export const LIST_SEPARATORS = /[、,，;；/／\s]+/;

/** Several labels in one cell (补助标识), separated by 、,，;；/ or spaces. */
export function listCell<T extends string>(
  cell: CellValue | undefined,
  labels: LabelMap<T>,
  label: FieldLabel,
): Coerced<T[]> {
  if (isBlankCell(cell) || cell === undefined || cell === null) return BLANK;
  const refused = special(cell);
  if (refused !== undefined) return fail(refused);
  const text = cellText(cell).trim();
  if (NONE_WORDS.has(text.toLowerCase())) return { ok: true, value: [] };
  const items = text.split(LIST_SEPARATORS).filter((s) => s !== '');
  const values: T[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const value = lookupLabel(labels, item);
    if (value === undefined) unknown.push(item);
    else values.push(value);
  }
  if (unknown.length > 0) return fail(unknownLabel(label, unknown.join('、'), labels));
  return { ok: true, value: values };
}

/** Designated institutions as "编码（类别）" items: 110105001（社区卫生服务机构）、… (S-3.1, N-1.6). */
export function institutionsCell(
  cell: CellValue | undefined,
  label: FieldLabel,
): Coerced<InstitutionChoice[]> {
  if (isBlankCell(cell) || cell === undefined || cell === null) return BLANK;
  const refused = special(cell);
  if (refused !== undefined) return fail(refused);
  const text = cellText(cell)
    .normalize('NFKC')
    .trim()
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*\)/g, ')');
  if (NONE_WORDS.has(text.toLowerCase())) return { ok: true, value: [] };
  const choices: InstitutionChoice[] = [];
  for (const item of text.split(/[、,，;；\s]+/).filter((s) => s !== '')) {
    const m = /^([^()]+)\(([^()]+)\)$/.exec(item);
    const kind = m ? lookupLabel(INSTITUTION_KIND_LABELS, m[2] ?? '') : undefined;
    if (!m || kind === undefined) {
      const kinds = labelChoices(INSTITUTION_KIND_LABELS);
      return fail(
        bi(
          `${label.zh}“${item}”应写成“编码（类别）”，如 110105001（社区卫生服务机构），多个用顿号分隔；类别可填：${kinds.zh}`,
          `${label.en} "${item}" must be written "code (kind)", e.g. 110105001（社区卫生服务机构）, several separated by 、; kinds: ${kinds.en}`,
        ),
      );
    }
    choices.push({ code: (m[1] ?? '').trim(), kind });
  }
  return { ok: true, value: choices };
}
