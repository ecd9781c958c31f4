import type { Writable } from 'node:stream';
import {
  GENDER_LABELS,
  ID_KIND_LABELS,
  OTHER_COVER_LABELS,
  STUDY_STATUS_LABELS,
  STUDENT_2025,
  type StudentRegistration,
  summaryTableTitle,
} from '@sscard/rules';
import { COLLEGE_SUMMARY as S, COMMON } from './export-texts.js';
import type { ColumnSpec } from './print-layout.js';
import { EXPORT_CHUNK_ROWS } from './xlsx-stream.js';
import { writeTable } from './table.workbook.js';

/**
 * S-1.4: 【XX学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表 (attachment 3 of the 2025
 * guide). The guide names the table but does not print its layout, so the columns are the
 * fields of attachment 1 (studentRegistrationSchema, S-1.2) in the form's order; the title and
 * the file name come from the rules (summaryTableTitle). Unlike every other export it carries
 * the full ID numbers: it is the list the medical-insurance agency enrols the students from, so
 * the number is what it acts on (its download is restricted to the college's staff and audited).
 * 序号 is the student's own number (S-1.2), the one in the names of attachments 1 and 2, so an
 * ineligible student left out of the table leaves a gap rather than renumbering the rest.
 */

/** A summary line: the registration and the student's 序号 within the college. */
export type CollegeSummaryRow = StudentRegistration & { seq: number };

export interface CollegeSummaryInput {
  collegeName: string;
  rows: Iterable<CollegeSummaryRow> | AsyncIterable<CollegeSummaryRow>;
  /** Defaults to the 2025 guide's year. */
  policyYear?: number;
  today?: string;
}

const C = S.columns;

export const COLLEGE_SUMMARY_COLUMNS: readonly ColumnSpec[] = [
  { header: COMMON.serial, width: 6, kind: 'center' },
  { header: COMMON.name, width: 10, kind: 'text' },
  { header: C.gender, width: 6, kind: 'center' },
  { header: C.birthDate, width: 11, kind: 'center' },
  { header: C.nationality, width: 10, kind: 'text' },
  { header: C.idKind, width: 14, kind: 'text' },
  { header: C.idNumber, width: 21, kind: 'full_id' },
  { header: C.phone, width: 13, kind: 'code' },
  { header: C.college, width: 14, kind: 'text' },
  { header: C.className, width: 10, kind: 'text' },
  { header: C.studentNumber, width: 12, kind: 'code' },
  { header: C.studyStatus, width: 8, kind: 'center' },
  { header: C.fullTime, width: 9, kind: 'center' },
  { header: C.otherCover, width: 12, kind: 'text' },
  // S-1.1: the student's own declaration (attachment 1's field), next to what was stated.
  { header: C.declaration, width: 11, kind: 'center' },
];

/** The file name the college submits: the table's title (S-1.4) with .xlsx. */
export function collegeSummaryFileName(collegeName: string, policyYear = STUDENT_2025.policyYear) {
  return `${summaryTableTitle(collegeName, policyYear)}.xlsx`;
}

async function* chunks<T>(rows: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length >= EXPORT_CHUNK_ROWS) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

export async function writeCollegeSummary(
  output: Writable,
  { collegeName, rows, policyYear = STUDENT_2025.policyYear, today }: CollegeSummaryInput,
): Promise<number> {
  return writeTable(
    output,
    {
      sheetName: S.sheetName,
      title: summaryTableTitle(collegeName, policyYear),
      info: [S.intro, ...(today ? [COMMON.madeOn(today)] : [])],
      columns: COLLEGE_SUMMARY_COLUMNS,
      orientation: 'landscape',
    },
    chunks(rows),
    (r) => [
      r.seq,
      r.name,
      GENDER_LABELS[r.gender].zh,
      r.birthDate,
      r.nationalityOrRegion,
      ID_KIND_LABELS[r.idKind].zh,
      r.idNumber,
      r.phone,
      r.college,
      r.className,
      r.studentNumber,
      STUDY_STATUS_LABELS[r.studyStatus].zh,
      r.fullTimeStudent ? COMMON.yes : COMMON.no,
      OTHER_COVER_LABELS[r.otherCover].zh,
      r.declaresNoOtherCover ? COMMON.yes : COMMON.no,
    ],
    { total: S.total, after: [], empty: COMMON.noLines },
  );
}
