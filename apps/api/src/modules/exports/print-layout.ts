import { maskIdNumber } from '@sscard/rules';
import type ExcelJS from 'exceljs';
import { FONT_NAME, PAGE_FOOTER } from './export-texts.js';

/**
 * The printed form every export shares: A4 (paperSize 9), fitted to one page wide, margins, the
 * column-header row repeated on every page (printTitlesRow), "第 &P 页 / 共 &N 页" in the footer,
 * the Chinese title merged across the columns, borders, a CJK font and ID numbers as masked
 * text cells.
 *
 * Style objects are shared, never built per cell: exceljs remembers a style object it has seen
 * (WeakMap), so 100k lines cost one style lookup per cell instead of one serialisation.
 */

/**
 * `id` is masked in every document; `full_id` is for the one document whose reader needs the
 * whole number to act on it (the college summary submitted for enrolment, S-1.4).
 */
export type CellKind = 'text' | 'center' | 'number' | 'id' | 'full_id' | 'code' | 'signature';

export interface ColumnSpec {
  header: string;
  /** Width in characters (a CJK character counts about two). */
  width: number;
  kind: CellKind;
}

export interface SheetLayout {
  sheetName: string;
  title: string;
  /** Lines under the title, each merged across the columns. */
  info: readonly string[];
  columns: readonly ColumnSpec[];
  orientation: 'portrait' | 'landscape';
  /** Printed at the top right of every page (e.g. the receipt's copy mark). */
  pageMark?: string;
}

export type LineValue = string | number | null;

const FONT = { name: FONT_NAME, size: 10, charset: 134 } as const;
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const HEADER_FILL = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFEFEFEF' },
} as const satisfies ExcelJS.Fill;

const CELL_STYLES: Record<CellKind, Partial<ExcelJS.Style>> = {
  text: { font: FONT, border: BOX, alignment: { vertical: 'middle', wrapText: true } },
  center: { font: FONT, border: BOX, alignment: { vertical: 'middle', horizontal: 'center' } },
  number: { font: FONT, border: BOX, alignment: { vertical: 'middle', horizontal: 'right' } },
  // '@' keeps Excel from reading an ID or card number as a number (precision, leading zeros).
  id: { font: FONT, border: BOX, numFmt: '@', alignment: { vertical: 'middle' } },
  full_id: { font: FONT, border: BOX, numFmt: '@', alignment: { vertical: 'middle' } },
  code: { font: FONT, border: BOX, numFmt: '@', alignment: { vertical: 'middle' } },
  signature: { font: FONT, border: BOX, alignment: { vertical: 'middle', horizontal: 'center' } },
};

const STYLES = {
  title: {
    font: { ...FONT, size: 16, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  info: { font: FONT, alignment: { vertical: 'middle', wrapText: true } },
  header: {
    font: { ...FONT, bold: true },
    border: BOX,
    fill: HEADER_FILL,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  total: { font: { ...FONT, bold: true }, border: BOX, alignment: { vertical: 'middle' } },
  note: { font: FONT, alignment: { vertical: 'middle', wrapText: true } },
} satisfies Record<string, Partial<ExcelJS.Style>>;

const LINE_HEIGHT = 22;
const A4 = 9;

/**
 * Page setup of a layout whose column-header row is `headerRow` (1-based), repeated on every
 * printed page; null for a one-page form, which has no header row to repeat.
 */
export function pageSetupFor(
  layout: Pick<SheetLayout, 'orientation'>,
  headerRow: number | null,
): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: A4,
    orientation: layout.orientation,
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages down as the lines need.
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(headerRow === null ? {} : { printTitlesRow: `${headerRow}:${headerRow}` }),
  };
}

/** Characters a merged line of `width` columns shows per printed line (rough, for row height). */
function lineHeightFor(text: string, width: number): number {
  const chars = Array.from(text).reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return Math.max(1, Math.ceil(chars / Math.max(width, 1))) * 16;
}

/**
 * One worksheet of an export, streamed: title, info lines, column headers (repeated on every
 * printed page), then lines committed one by one, then notes.
 */
export class LayoutSheet {
  private readonly sheet: ExcelJS.Worksheet;
  private readonly width: number;
  private readonly styles: Partial<ExcelJS.Style>[];
  private rowNo = 0;

  constructor(
    workbook: ExcelJS.Workbook,
    private readonly layout: SheetLayout,
  ) {
    const headerRow = 2 + layout.info.length;
    this.sheet = workbook.addWorksheet(layout.sheetName, {
      pageSetup: pageSetupFor(layout, headerRow),
      headerFooter: {
        oddHeader: layout.pageMark ? `&R${layout.pageMark}` : '',
        oddFooter: `&C${PAGE_FOOTER}`,
      },
      views: [{ state: 'frozen', ySplit: headerRow }],
    });
    // exceljs leaves a column of exactly its default width (9) out of the file, where Excel
    // then shows 8.43: nudge it so every width is written.
    this.sheet.columns = layout.columns.map((c) => ({ width: c.width === 9 ? 9.5 : c.width }));
    this.width = layout.columns.reduce((n, c) => n + c.width, 0);
    this.styles = layout.columns.map((c) => CELL_STYLES[c.kind]);
    this.merged(layout.title, STYLES.title, 30);
    for (const line of layout.info) this.merged(line, STYLES.info);
    const header = this.sheet.addRow(layout.columns.map((c) => c.header));
    header.height = 24;
    header.eachCell((cell) => {
      cell.style = STYLES.header;
    });
    this.commitRow(header);
  }

  /** A data line: values in column order; `id` columns are masked here, whatever the caller passes. */
  addLine(values: readonly LineValue[]): void {
    const row = this.sheet.addRow(
      values.map((v, i) => {
        if (v === null) return null;
        return this.layout.columns[i]?.kind === 'id' ? maskIdNumber(String(v)) : v;
      }),
    );
    row.height = LINE_HEIGHT;
    for (let i = 0; i < this.styles.length; i += 1) {
      const style = this.styles[i];
      if (style) row.getCell(i + 1).style = style;
    }
    this.commitRow(row);
  }

  /** A totals line merged across the columns, bold and boxed. */
  addTotal(text: string): void {
    this.merged(text, STYLES.total);
  }

  /** A note or a signature block line below the table, merged across the columns. */
  addNote(text: string): void {
    this.merged(text, STYLES.note);
  }

  commit(): void {
    this.sheet.commit();
  }

  private merged(text: string, style: Partial<ExcelJS.Style>, minHeight = 20): void {
    const row = this.sheet.addRow([text]);
    const n = this.layout.columns.length;
    if (n > 1) this.sheet.mergeCells(row.number, 1, row.number, n);
    row.height = Math.max(minHeight, lineHeightFor(text, this.width));
    for (let i = 1; i <= n; i += 1) row.getCell(i).style = style;
    this.commitRow(row);
  }

  private commitRow(row: ExcelJS.Row): void {
    this.rowNo = row.number;
    row.commit();
  }

  /** The last row written (1-based), for tests and notes. */
  get lastRow(): number {
    return this.rowNo;
  }
}

/**
 * The same styles for a document laid out as a form — label and value cells — rather than a
 * table (attachment 1, the student's registration form).
 */
export const FORM_STYLES = {
  title: STYLES.title,
  info: STYLES.info,
  section: STYLES.header,
  label: STYLES.header,
  value: CELL_STYLES.text,
  code: CELL_STYLES.code,
  fullId: CELL_STYLES.full_id,
  signature: CELL_STYLES.signature,
  note: STYLES.note,
} satisfies Record<string, Partial<ExcelJS.Style>>;
