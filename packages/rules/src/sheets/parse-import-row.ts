import type { z } from 'zod';
import { samePersonName } from '../cards/card-lifecycle.js';
import { bi } from '../i18n/bilingual.js';
import { type IdKind, maskIdNumber, validateIdNumber } from '../id/id-number.js';
import { cardNumber, signatureSchema, vendorCardSchema } from '../schemas/card.schema.js';
import { text, whenFieldsValid } from '../schemas/fields.js';
import { personSchema } from '../schemas/person.schema.js';
import { studentRegistrationSchema } from '../schemas/student-registration.schema.js';
import {
  booleanCell,
  type Coerced,
  cellText,
  codeCell,
  dateCell,
  enumCell,
  idNumberCell,
  institutionsCell,
  isBlankCell,
  isErrorCell,
  isFormulaCell,
  listCell,
  textCell,
} from './cell-values.js';
import {
  type CellValue,
  type ColumnSpec,
  columnSpec,
  type ImportKind,
  type ImportRow,
  ROW_KEY_COLUMN,
} from './import-sheets.js';
import { COLUMN_LABELS, labelChoices } from './sheet-labels.js';

/** One problem with one cell (or with the row, when columnIndex is null). */
export interface CellIssue {
  columnIndex: number | null;
  /** The header as found in the file (the column's Chinese name when no header text is known). */
  column: string;
  /** The cell as read; ID numbers masked (they are personal data and go into reports). */
  value: string;
  message: string;
}

export type ParsedRow<K extends ImportKind> =
  /** key: the row's identity for duplicate detection (normalised ID number, or card number). */
  { ok: true; value: ImportRow[K]; key: string } | { ok: false; issues: CellIssue[] };

/** N-2.3: a receipt line; when the holder signs, the signer is the holder. */
export const signatureRowSchema = signatureSchema
  .extend({ cardNumber, holderName: text('姓名', 'Name') })
  .superRefine(
    (s, ctx) => {
      if (s.signer === 'self' && !samePersonName(s.signerName, s.holderName)) {
        ctx.addIssue({
          code: 'custom',
          path: ['signerName'],
          message: bi(
            `签字方式为本人时，签字人应为持卡人本人（${s.holderName}）；他人代签请填“代签”`,
            `When the holder signs, the signer must be the holder (${s.holderName}); use "proxy" for anyone else`,
          ),
        });
      }
    },
    whenFieldsValid('signer', 'signerName', 'holderName'),
  );

/** Every schema a row of the kind must pass; their outputs together are the row. */
const SCHEMAS: Record<ImportKind, readonly z.ZodType[]> = {
  // The person schema carries the class (班级) too, as the API's resident body does.
  roster: [personSchema],
  vendor_cards: [vendorCardSchema],
  signatures: [signatureRowSchema],
  students: [studentRegistrationSchema],
};

function readCell(spec: ColumnSpec, cell: CellValue | undefined): Coerced<unknown> {
  const label = { zh: spec.zh, en: spec.en };
  const labels = COLUMN_LABELS[spec.key];
  switch (spec.cell) {
    case 'text':
      return textCell(cell, label);
    case 'code':
      return codeCell(cell, label);
    case 'id_number':
      return idNumberCell(cell);
    case 'date':
      return dateCell(cell, label);
    case 'boolean':
      return booleanCell(cell, label);
    case 'institutions':
      return institutionsCell(cell, label);
    case 'enum':
    case 'list':
      if (labels === undefined) return textCell(cell, label);
      return spec.cell === 'enum' ? enumCell(cell, labels, label) : listCell(cell, labels, label);
  }
}

function requiredMessage(spec: ColumnSpec): string {
  const labels = COLUMN_LABELS[spec.key];
  if (labels === undefined || spec.cell === 'boolean') {
    return bi(`${spec.zh}不能为空`, `${spec.en} is required`);
  }
  const choices = labelChoices(labels);
  return bi(
    `${spec.zh}不能为空，可填：${choices.zh}`,
    `${spec.en} is required; use one of: ${choices.en}`,
  );
}

class RowReader {
  readonly input: Record<string, unknown> = {};
  readonly failed = new Set<string>();
  readonly issues: CellIssue[] = [];

  constructor(
    readonly kind: ImportKind,
    readonly columns: readonly (string | null)[],
    readonly cells: readonly CellValue[],
    readonly headers: readonly (string | null)[] | undefined,
  ) {}

  indexOf(key: string): number | null {
    const i = this.columns.indexOf(key);
    return i < 0 ? null : i;
  }

  issue(key: string, message: string): void {
    const index = this.indexOf(key);
    const spec = columnSpec(this.kind, key);
    const header = index === null ? undefined : this.headers?.[index];
    const cell = index === null ? undefined : this.cells[index];
    let value = cellText(cell).trim();
    if (spec?.cell === 'id_number' && value !== '' && !isFormulaCell(cell) && !isErrorCell(cell)) {
      value = maskIdNumber(value);
    }
    this.failed.add(key);
    this.issues.push({
      columnIndex: index,
      column: header !== undefined && header !== null && header !== '' ? header : (spec?.zh ?? key),
      value,
      message,
    });
  }

  readAll(): void {
    for (let i = 0; i < this.columns.length; i += 1) {
      const key = this.columns[i];
      if (key === null || key === undefined) continue;
      const spec = columnSpec(this.kind, key);
      if (spec === undefined) continue;
      const cell = this.cells[i];
      const read = readCell(spec, cell);
      if (!read.ok) this.issue(key, read.message);
      else if (read.value !== undefined) this.input[key] = read.value;
      else if (spec.required && isBlankCell(cell)) this.issue(key, requiredMessage(spec));
    }
  }

  /** Blank 证件类型 means 居民身份证; a blank 出生日期 is read from the ID number. */
  applyDefaults(): void {
    const has = (key: string) => columnSpec(this.kind, key) !== undefined;
    if (has('idKind') && this.input.idKind === undefined && !this.failed.has('idKind')) {
      this.input.idKind = 'resident';
    }
    if (has('birthDate') && this.input.birthDate === undefined && !this.failed.has('birthDate')) {
      this.deriveBirthDate();
    }
    if (this.kind === 'signatures' && this.input.signerName === undefined) {
      if (this.input.signer === 'self' && typeof this.input.holderName === 'string') {
        this.input.signerName = this.input.holderName;
      } else if (this.input.signer === 'proxy') {
        this.issue(
          'signerName',
          bi(
            '代签时须填写签字人（单位指定专人）的姓名',
            'For a proxy signature, enter the name of the designated person who signed',
          ),
        );
      }
    }
  }

  private deriveBirthDate(): void {
    const { idKind, idNumber } = this.input;
    // An ID number that is missing or wrong has its own issue; that is the one to fix first.
    this.failed.add('birthDate');
    if (typeof idKind !== 'string' || typeof idNumber !== 'string' || this.failed.has('idNumber')) {
      return;
    }
    const checked = validateIdNumber(idKind as IdKind, idNumber);
    if (checked.birthDate !== undefined) {
      this.input.birthDate = checked.birthDate;
      this.failed.delete('birthDate');
    } else if (checked.valid) {
      // A travel permit carries no birth date, so the sheet must give it.
      this.issue(
        'birthDate',
        bi(
          '出生日期不能为空（该证件号码不含出生日期）',
          'Birth date is required (this ID number does not contain it)',
        ),
      );
    }
  }

  validate(): Record<string, unknown> | undefined {
    const output: Record<string, unknown> = {};
    let valid = true;
    for (const schema of SCHEMAS[this.kind]) {
      const result = schema.safeParse(this.input);
      if (result.success) {
        Object.assign(output, result.data);
        continue;
      }
      valid = false;
      // One issue per cell: the first the schema reports (a cell already refused stays so).
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (!this.failed.has(key)) this.issue(key, issue.message);
      }
    }
    return valid && this.issues.length === 0 ? output : undefined;
  }
}

function sortIssues(issues: CellIssue[]): CellIssue[] {
  const at = (i: CellIssue) => (i.columnIndex === null ? Number.MAX_SAFE_INTEGER : i.columnIndex);
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => at(a.issue) - at(b.issue) || a.order - b.order)
    .map((x) => x.issue);
}

/**
 * One data row of an import: each cell read for its column (cell-values.ts), defaults applied,
 * then the row checked with the shared schemas, every problem reported on its cell at once.
 * `headers` (from matchHeaders) lets issues name the column as the file names it.
 */
export function parseImportRow<K extends ImportKind>(
  kind: K,
  columns: readonly (string | null)[],
  cells: readonly CellValue[],
  headers?: readonly (string | null)[],
): ParsedRow<K> {
  const reader = new RowReader(kind, columns, cells, headers);
  reader.readAll();
  reader.applyDefaults();
  const value = reader.validate();
  if (value === undefined) return { ok: false, issues: sortIssues(reader.issues) };
  const key = String(value[ROW_KEY_COLUMN[kind]] ?? '');
  return { ok: true, value: value as ImportRow[K], key };
}

/** The issue for a row whose key (ID number or card number) an earlier row of the file has. */
export function duplicateRowIssue(
  kind: ImportKind,
  columns: readonly (string | null)[],
  cells: readonly CellValue[],
  firstRowNo: number,
  headers?: readonly (string | null)[],
): CellIssue {
  const reader = new RowReader(kind, columns, cells, headers);
  const key = ROW_KEY_COLUMN[kind];
  reader.issue(
    key,
    key === 'cardNumber'
      ? bi(
          `卡号与第${firstRowNo}行重复：一张卡只能签收一次`,
          `The card number repeats row ${firstRowNo}: a card is signed for only once`,
        )
      : bi(
          `证件号码与第${firstRowNo}行重复：同一人在一个文件中只能出现一次`,
          `The ID number repeats row ${firstRowNo}: a person may appear only once in a file`,
        ),
  );
  return reader.issues[0] as CellIssue;
}
