import {
  bi,
  IMPORT_KINDS,
  IMPORT_ROLES as RULES_IMPORT_ROLES,
  type ImportKind,
  oneOf,
  UNIT_TARGETED_KINDS,
} from '@sscard/rules';
import { z } from 'zod';
import type { Role } from '../../common/auth/actor.js';
import { pageQuery } from '../../common/validation/paging.js';

export const IMPORT_STATES = [
  'validating',
  'invalid',
  'valid',
  'committing',
  'committed',
  'failed',
  'interrupted',
] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** Where a job is: queued, then the dry run's or the commit's steps. */
export type ImportPhase = 'queued' | 'inspecting' | 'reading' | 'writing' | 'finished';

/** Who may import what (the rules' IMPORT_ROLES, typed as the API's roles). */
export const IMPORT_ROLES: Record<ImportKind, readonly Role[]> = RULES_IMPORT_ROLES;

/** Kinds whose target is one unit (the others target the caller's district). */
export const UNIT_TARGETED: ReadonlySet<ImportKind> = new Set(UNIT_TARGETED_KINDS);

export const importKind = oneOf(IMPORT_KINDS, '导入类型', 'Import kind');

/** Upload field `commitWhenValid`: the one-pass import, committed as soon as the file is clean. */
export const commitWhenValidField = z
  .enum(['true', 'false', '1', '0'], {
    error: bi('commitWhenValid 只能是 true 或 false', 'commitWhenValid must be true or false'),
  })
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const importListQuery = pageQuery(['createdAt'] as const).extend({
  kind: importKind.optional(),
  state: oneOf(IMPORT_STATES, '导入状态', 'Import state').optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ImportListQuery = z.output<typeof importListQuery>;

export const issuesQuery = z.object({
  page: z.coerce
    .number({ error: bi('页码必须是数字', 'Page must be a number') })
    .int()
    .min(1)
    .default(1),
  pageSize: z.coerce
    .number({ error: bi('每页条数必须是数字', 'Page size must be a number') })
    .int()
    .min(1)
    .max(500, bi('每页最多500条', 'At most 500 per page'))
    .default(50),
});
export type IssuesQuery = z.output<typeof issuesQuery>;

/** The job as the API shows it: the stored row merged with the live progress of a running job. */
export interface ImportJobView {
  id: string;
  kind: ImportKind;
  districtId: string | null;
  unit: { id: string; name: string } | null;
  fileName: string;
  fileBytes: number;
  format: 'xlsx' | 'csv' | null;
  state: ImportState;
  phase: ImportPhase;
  rowsRead: number;
  rowsValid: number;
  rowsWritten: number;
  issueCount: number;
  /** Only the first IMPORT_MAX_ISSUES problems are kept; the count covers all of them. */
  issuesTruncated: boolean;
  /** Whole-file rejection, a summary of row problems, or why a commit failed. */
  message: string | null;
  result: Record<string, unknown> | null;
  /** 0–100 while committing (rows written of the valid rows); null when it cannot be known. */
  percent: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  committedAt: string | null;
  /** Never committed and older than IMPORT_RETENTION_DAYS: the upload and its rows were deleted. */
  fileExpiredAt: string | null;
  /** The one-pass import: read, checked and written at once; no separate commit. */
  commitWhenValid: boolean;
}

export interface ImportIssueView {
  row: number;
  columnIndex: number | null;
  column: string;
  /** ID numbers are masked here; the full value is only in the user's own file. */
  value: string;
  message: string;
}
