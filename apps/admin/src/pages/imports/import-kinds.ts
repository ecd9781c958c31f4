import {
  IMPORT_KINDS,
  IMPORT_ROLES as RULES_IMPORT_ROLES,
  type ImportKind,
  UNIT_TARGETED_KINDS,
} from '@sscard/rules';
import type { ImportState, Role } from '../../api/contract.js';

/** Who may import what, and which kinds go to one unit: the rules' (the API enforces the same). */
const IMPORT_ROLES: Record<ImportKind, readonly Role[]> = RULES_IMPORT_ROLES;
const UNIT_TARGETED: ReadonlySet<ImportKind> = new Set(UNIT_TARGETED_KINDS);

/** The clauses each kind's rows carry out. */
export const IMPORT_CLAUSES: Record<ImportKind, readonly string[]> = {
  roster: ['N-1.4b', 'N-1.6'],
  vendor_cards: ['N-2.6'],
  signatures: ['N-2.3'],
  students: ['S-1.2'],
};

/** The API's default IMPORT_MAX_FILE_MB: a hint only, the server's own limit answers with 413. */
export const MAX_FILE_MB_HINT = 50;

export const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'] as const;

export const RUNNING_STATES: ReadonlySet<ImportState> = new Set(['validating', 'committing']);

export const IMPORT_STATES: readonly ImportState[] = [
  'validating',
  'invalid',
  'valid',
  'committing',
  'committed',
  'failed',
  'interrupted',
];

export const STATE_COLOURS: Record<ImportState, string> = {
  validating: 'processing',
  invalid: 'error',
  valid: 'blue',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
  interrupted: 'warning',
};

export function kindsFor(role: Role): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => IMPORT_ROLES[kind].includes(role));
}

export function isUnitTargeted(kind: ImportKind): boolean {
  return UNIT_TARGETED.has(kind);
}

/** Staff of one unit import into it; district staff and the admin name the unit. */
export function choosesUnit(role: Role, kind: ImportKind): boolean {
  return UNIT_TARGETED.has(kind) && (role === 'district_staff' || role === 'system_admin');
}

export function isAccepted(fileName: string): boolean {
  const name = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext));
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
}
