import type { Writable } from 'node:stream';
import { COMMON, MISSING_INSTITUTION as M } from './export-texts.js';
import type { ColumnSpec } from './print-layout.js';
import { writeTable } from './table.workbook.js';

/** N-1.6: elderly and unemployed residents still without a community health-service institution. */

export interface MissingHeader {
  policyYear: number;
  deadline: string | null;
  today: string;
}

export interface MissingLine {
  name: string;
  idNumber: string;
  categoryLabel: string;
  unitName: string | null;
  institutionCodes: readonly string[];
  deadline: string | null;
  /** From the rules (communityInstitutionStatus): the deadline has passed. */
  overdue: boolean;
}

const COLUMNS: readonly ColumnSpec[] = [
  { header: COMMON.serial, width: 7, kind: 'center' },
  { header: COMMON.name, width: 12, kind: 'text' },
  { header: COMMON.idNumber, width: 22, kind: 'id' },
  { header: M.columns.category, width: 14, kind: 'text' },
  { header: M.columns.unit, width: 26, kind: 'text' },
  { header: M.columns.institutions, width: 24, kind: 'text' },
  { header: M.columns.deadline, width: 12, kind: 'center' },
  { header: M.columns.status, width: 9, kind: 'center' },
];

export function writeMissingInstitution(
  output: Writable,
  header: MissingHeader,
  lines: AsyncIterable<readonly MissingLine[]>,
): Promise<number> {
  return writeTable(
    output,
    {
      sheetName: M.sheetName,
      title: M.title,
      info: [M.rule(header.deadline), M.policyYear(header.policyYear), COMMON.madeOn(header.today)],
      columns: COLUMNS,
      orientation: 'landscape',
    },
    lines,
    (l, n) => [
      n,
      l.name,
      l.idNumber,
      l.categoryLabel,
      l.unitName,
      l.institutionCodes.length > 0 ? l.institutionCodes.join(M.institutionJoin) : COMMON.nothing,
      l.deadline,
      l.overdue ? M.overdue : M.pending,
    ],
    { total: M.total, after: [], empty: COMMON.noLines },
  );
}
