import type { Writable } from 'node:stream';
import {
  attachment1FileName,
  GENDER_LABELS,
  ID_KIND_LABELS,
  NO_OTHER_COVER_DECLARATION,
  OTHER_COVER_LABELS,
  STUDY_STATUS_LABELS,
  type StudentRegistration,
} from '@sscard/rules';
import type ExcelJS from 'exceljs';
import { COMMON, PAGE_FOOTER, REGISTRATION_FORM as F } from './export-texts.js';
import { FORM_STYLES, pageSetupFor } from './print-layout.js';
import { workbookWriter } from './xlsx-stream.js';

/**
 * S-1.2: attachment 1, 【序号+姓名】个人参加城乡居民基本医疗保险信息登记表, filled from the
 * stored registration for the student to check, sign and date. The guide names the form but
 * does not print it, so it carries attachment 1's fields (studentRegistrationSchema) in the
 * form's order, the S-1.1 declaration of no other cover, and the signature and date cells.
 *
 * It is the form the insurer enrols from, so — like the college summary (S-1.4) — it carries
 * the full ID number; the endpoint restricts it to the student's college and university staff
 * and audits every download.
 *
 * One A4 page, portrait: four columns (label, value, label, value).
 */
export interface RegistrationFormInput {
  seq: number;
  collegeName: string;
  policyYear: number;
  registration: StudentRegistration;
}

/** label | value | label | value */
const WIDTHS = [16, 28, 16, 28];
const COLUMNS = WIDTHS.length;

/** The download name: attachment 1's name from the rules, with .xlsx. */
export function registrationFormFileName(seq: number, name: string): string {
  return `${attachment1FileName(seq, name)}.xlsx`;
}

type Style = Partial<ExcelJS.Style>;

/** Writes the form; returns the last row (the print area ends there). */
export async function writeRegistrationForm(
  output: Writable,
  { seq, collegeName, policyYear, registration: r }: RegistrationFormInput,
): Promise<number> {
  const workbook = workbookWriter(output);
  const ws = workbook.addWorksheet(F.sheetName, {
    // One form, one page: no repeated header row as the list exports have.
    pageSetup: { ...pageSetupFor({ orientation: 'portrait' }, null), fitToHeight: 1 },
    headerFooter: { oddHeader: '', oddFooter: `&C${PAGE_FOOTER}` },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));

  let rowNo = 0;
  const row = (height: number, cells: [string | number | null, Style, number?][]) => {
    rowNo += 1;
    const line = ws.getRow(rowNo);
    line.height = height;
    let col = 1;
    for (const [value, style, span = 1] of cells) {
      const cell = line.getCell(col);
      cell.value = value;
      for (let i = col; i < col + span; i += 1) line.getCell(i).style = style;
      if (span > 1) ws.mergeCells(rowNo, col, rowNo, col + span - 1);
      col += span;
    }
    line.commit();
  };
  const pair = (
    a: string,
    av: string,
    b: string,
    bv: string,
    styles: [Style, Style] = [FORM_STYLES.value, FORM_STYLES.value],
  ) =>
    row(26, [
      [a, FORM_STYLES.label],
      [av, styles[0]],
      [b, FORM_STYLES.label],
      [bv, styles[1]],
    ]);

  const L = F.labels;
  row(40, [[F.title, FORM_STYLES.title, COLUMNS]]);
  row(24, [[F.info(seq, collegeName, policyYear), FORM_STYLES.info, COLUMNS]]);
  row(24, [[F.person, FORM_STYLES.section, COLUMNS]]);
  pair(L.name, r.name, L.gender, GENDER_LABELS[r.gender].zh);
  // The ID number is text ('@'), so Excel keeps all 18 characters and a trailing X.
  pair(L.idKind, ID_KIND_LABELS[r.idKind].zh, L.idNumber, r.idNumber, [
    FORM_STYLES.value,
    FORM_STYLES.fullId,
  ]);
  pair(L.birthDate, r.birthDate, L.nationality, r.nationalityOrRegion);
  pair(L.phone, r.phone, L.college, r.college, [FORM_STYLES.code, FORM_STYLES.value]);
  pair(L.className, r.className, L.studentNumber, r.studentNumber, [
    FORM_STYLES.value,
    FORM_STYLES.code,
  ]);
  pair(
    L.studyStatus,
    STUDY_STATUS_LABELS[r.studyStatus].zh,
    L.fullTime,
    r.fullTimeStudent ? COMMON.yes : COMMON.no,
  );
  row(26, [
    [L.otherCover, FORM_STYLES.label],
    [OTHER_COVER_LABELS[r.otherCover].zh, FORM_STYLES.value, COLUMNS - 1],
  ]);
  row(24, [[F.declarationTitle, FORM_STYLES.section, COLUMNS]]);
  row(64, [[NO_OTHER_COVER_DECLARATION.zh, FORM_STYLES.value, COLUMNS]]);
  row(26, [
    [F.declaredLabel, FORM_STYLES.label],
    [F.declared(r.declaresNoOtherCover), FORM_STYLES.value, COLUMNS - 1],
  ]);
  // Left blank for the student's hand.
  row(48, [
    [F.signature, FORM_STYLES.label],
    [null, FORM_STYLES.signature],
    [F.date, FORM_STYLES.label],
    [F.dateBlank, FORM_STYLES.signature],
  ]);
  row(48, [[F.note(attachment1FileName(seq, r.name)), FORM_STYLES.note, COLUMNS]]);
  ws.pageSetup.printArea = `A1:D${rowNo}`;
  ws.commit();
  await workbook.commit();
  return rowNo;
}
