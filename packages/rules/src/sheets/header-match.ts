import { bi } from '../i18n/bilingual.js';
import { cellText, isBlankCell, isErrorCell, isFormulaCell } from './cell-values.js';
import {
  type CellValue,
  IGNORED_HEADERS,
  IMPORT_SHEETS,
  type ImportKind,
} from './import-sheets.js';
import { squashLabel } from './sheet-labels.js';

export type HeaderMatch =
  /** columns: per 0-based column index, the column key, or null (blank or ignored header);
   * headers: the header text as found in the file, for messages about that column. */
  | { ok: true; columns: (string | null)[]; headers: string[] }
  /** bi() messages: missing required, unknown and duplicate headers. */
  | { ok: false; problems: string[] };

/**
 * Title rows. Government sheets often put a title (merged across the table) and a line such as
 * 填报单位 above the header. The header is the first of the first HEADER_SEARCH_ROWS non-blank
 * rows that has at least MIN_HEADER_CELLS filled cells; rows above it are titles and are not
 * data. When no row qualifies, the first non-blank row is the header (and matchHeaders says
 * what is wrong with it). The reader applies this rule; it is here so it has one definition.
 */
export const HEADER_SEARCH_ROWS = 10;
export const MIN_HEADER_CELLS = 2;

export function isHeaderCandidate(cells: readonly CellValue[]): boolean {
  let filled = 0;
  for (const cell of cells) {
    if (!isBlankCell(cell)) filled += 1;
    if (filled >= MIN_HEADER_CELLS) return true;
  }
  return false;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const MARKER = /[(（[【]\s*(必填项?|选填项?|可选|必须|required|optional)\s*[)）\]】]/gi;

/** 身份证号（必填）, ＊身份证 号, 身份证号: all compare as 身份证号. */
export function normaliseHeader(text: string): string {
  return squashLabel(text.normalize('NFKC').replace(MARKER, ''));
}

function headerIndex(kind: ImportKind): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of IMPORT_SHEETS[kind].columns) {
    for (const spelling of [c.key, c.zh, c.en, ...c.aliases]) {
      index.set(normaliseHeader(spelling), c.key);
    }
  }
  return index;
}

const INDEXES = new Map<ImportKind, Map<string, string>>();
const IGNORED = new Set(IGNORED_HEADERS.map(normaliseHeader));

/** The column key a header names, null for an ignored header (序号, 备注), undefined if unknown. */
export function headerKey(kind: ImportKind, text: string): string | null | undefined {
  let index = INDEXES.get(kind);
  if (index === undefined) {
    index = headerIndex(kind);
    INDEXES.set(kind, index);
  }
  const n = normaliseHeader(text);
  if (IGNORED.has(n)) return null;
  return index.get(n);
}

export function matchHeaders(kind: ImportKind, headerCells: readonly CellValue[]): HeaderMatch {
  const spec = IMPORT_SHEETS[kind];
  const columns: (string | null)[] = [];
  const headers: string[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();

  // An index loop, not forEach: a row read from a sheet may be sparse.
  for (let i = 0; i < headerCells.length; i += 1) {
    const cell = headerCells[i];
    const text = cellText(cell).trim();
    columns.push(null);
    headers.push(text);
    if (isBlankCell(cell)) continue;
    const letter = columnLetter(i);
    if (isFormulaCell(cell) || isErrorCell(cell)) {
      problems.push(
        bi(
          `第${letter}列的表头是公式或错误值，请改为列名文字`,
          `The header of column ${letter} is a formula or an error value; write the column name`,
        ),
      );
      continue;
    }
    const key = headerKey(kind, text);
    if (key === null) continue;
    if (key === undefined) {
      problems.push(
        bi(
          `第${letter}列的表头“${text}”无法识别；${spec.titleZh}可用的列：${spec.columns.map((c) => c.zh).join('、')}。不需要的列请删除`,
          `The header "${text}" of column ${letter} is not recognised; the columns of the ${spec.titleEn.toLowerCase()} are: ${spec.columns.map((c) => c.en).join(', ')}. Delete columns that are not needed`,
        ),
      );
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      const c = spec.columns.find((s) => s.key === key);
      problems.push(
        bi(
          `第${letter}列“${text}”与第${columnLetter(first)}列“${headers[first]}”是同一列（${c?.zh}），请只保留一列`,
          `Column ${letter} "${text}" and column ${columnLetter(first)} "${headers[first]}" are the same column (${c?.en}); keep only one`,
        ),
      );
      continue;
    }
    seen.set(key, i);
    columns[i] = key;
  }

  if (headers.every((h) => h === '')) {
    return {
      ok: false,
      problems: [
        bi(
          `表头行是空的：第一行应为列名，如“${spec.columns[0]?.zh}”`,
          `The header row is empty: the first row must hold the column names, such as "${spec.columns[0]?.en}"`,
        ),
      ],
    };
  }
  for (const c of spec.columns) {
    if (!c.required || seen.has(c.key)) continue;
    const also = c.aliases.slice(0, 3);
    problems.push(
      bi(
        `缺少必需的列“${c.zh}”${also.length > 0 ? `（也可写作：${also.join('、')}）` : ''}`,
        `The required column "${c.en}" (${c.zh}) is missing`,
      ),
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns, headers };
}
