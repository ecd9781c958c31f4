import { bi, type CellValue, type ImportKind, splitBilingual } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';

/** What a job imports into: a unit (roster, signatures) or a district (vendor list; admin: any). */
export interface ImportTarget {
  jobId: string;
  kind: ImportKind;
  districtId: string | null;
  unitId: string | null;
}

export function importTarget(job: {
  id: string;
  kind: ImportKind;
  districtId: string | null;
  unitId: string | null;
}): ImportTarget {
  return { jobId: job.id, kind: job.kind, districtId: job.districtId, unitId: job.unitId };
}

/** A data row that passed parseImportRow, with its sheet row number and original cells. */
export interface ParsedLine<T> {
  rowNo: number;
  cells: readonly CellValue[];
  value: T;
}

/** A problem of one line of a chunk; `column` is the column key (null: the whole row). */
export interface LineIssue {
  line: number;
  column: string | null;
  message: string;
}

/** A value besides the row's key that must be unique inside the file (a vendor's card number). */
export interface UniqueKey {
  column: string;
  key: string;
  zh: string;
  en: string;
}

/** The chunk's problems against the database, and how to write it if there are none. */
export interface CheckedChunk {
  issues: LineIssue[];
  /**
   * Inside a transaction (a chunked commit, or the one-pass import); returns counts that add up
   * to the job's result. A kind with a StagedWriter commits two-step jobs through that instead.
   */
  write(actor: Actor): Promise<Record<string, number>>;
}

/** A staged row the database refuses at commit (it changed since the dry run). */
export interface StagedConflict {
  rowNo: number;
  /** The column key, as in LineIssue. */
  column: string | null;
  message: string;
}

/**
 * A commit written wholly in SQL from import_staged_row, a slice at a time in row order (so the
 * progress bar moves): the values never travel back to Node. For the roster, imported by the
 * hundred thousand (docs/performance.md).
 */
export interface StagedWriter {
  /** The first staged row the database refuses now, or null. */
  firstConflict(target: ImportTarget): Promise<StagedConflict | null>;
  /** Writes at most `limit` staged rows after `afterRowNo`; lastRowNo is null when none were left. */
  writeNext(
    actor: Actor,
    target: ImportTarget,
    afterRowNo: number,
    limit: number,
  ): Promise<{ lastRowNo: number | null; rows: number; counts: Record<string, number> }>;
}

/**
 * `onePass`: the one-pass import, whose chunk is written right after the check in the same
 * transaction. A lookup that a constraint of that write repeats may be skipped there: a violation
 * rolls the import back and the dry run that follows names the row (ImportOnePass).
 */
export interface CheckMode {
  onePass?: boolean;
}

/**
 * One import kind. `check` runs per chunk of a few thousand rows in the dry run and again at
 * commit or in the one-pass import (cheap, set-based lookups); `write` is only called there,
 * with no issues. A kind with `staged` commits two-step jobs through it instead, and may stage
 * more than the parsed value (`stagedValue`: what its SQL needs that only the rules compute).
 */
export interface ImportHandler<T> {
  extraUniqueKeys(value: T): UniqueKey[];
  check(target: ImportTarget, lines: ParsedLine<T>[], mode?: CheckMode): Promise<CheckedChunk>;
  stagedValue?(value: T): unknown;
  readonly staged?: StagedWriter;
}

/** Rows per chunk for lookups and writes: one statement each, one parameter per column. */
export const CHUNK_ROWS = 2000;

/** A commit that must stop, with a message for the user (bilingual); the transaction rolls back. */
export class ImportFailure extends Error {}

/** The server is stopping: the run ends, its transaction rolls back, the job is 'interrupted'. */
export class ImportAborted extends Error {}

/** Where a commit found a problem the dry run did not (the database changed meanwhile). */
export function rowProblem(rowNo: number, column: string, message: string): string {
  const { zh, en } = splitBilingual(message);
  return bi(
    `第${rowNo}行在校验后发生变化，未做任何导入：${column ? `${column}：` : ''}${zh}`,
    `Row ${rowNo} changed after validation; nothing was imported: ${column ? `${column}: ` : ''}${en}`,
  );
}
