import {
  ACCOUNT_ROLES,
  bi,
  createAccountSchema,
  reassignAccountSchema,
  renameAccountSchema,
  resetPasswordSchema,
} from '@sscard/rules';
import { z } from 'zod';
import type { Role } from '../../common/auth/actor.js';
import { pageQuery } from '../../common/validation/paging.js';
import { uuidText } from '../../common/validation/uuid-text.js';

const role = z.enum(ACCOUNT_ROLES, {
  error: bi(
    `角色可选：${ACCOUNT_ROLES.join('、')}`,
    `Role must be one of: ${ACCOUNT_ROLES.join(', ')}`,
  ),
});

/** GET /api/users: paged, sorted, searched by username or display name, filtered. */
export const userListQuery = pageQuery([
  'username',
  'displayName',
  'role',
  'createdAt',
] as const).extend({
  role: role.optional(),
  unitId: uuidText('所属单位', 'Unit').optional(),
  disabled: z
    .enum(['true', 'false'], { error: bi('停用筛选可选：true、false', 'disabled: true or false') })
    .transform((v) => v === 'true')
    .optional(),
});
export type UserListQuery = z.output<typeof userListQuery>;

/** GET /api/users/unit-options: the units the caller may attach an account of `role` to. */
export const unitOptionsQuery = z.object({
  role,
  search: z.string().trim().max(100).optional(),
});
export type UnitOptionsQuery = z.output<typeof unitOptionsQuery>;

export const createUserBody = createAccountSchema;
export const resetPasswordBody = resetPasswordSchema;
export const renameAccountBody = renameAccountSchema;
export const reassignAccountBody = reassignAccountSchema;

/** An account as the API shows it: never a password hash. */
export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districtId: string | null;
  unit: { id: string; name: string; kind: string } | null;
  disabled: boolean;
  /** Created or reset by a manager and not yet changed by its owner. */
  mustChangePassword: boolean;
  createdAt: string;
  /** Sessions not yet expired; disabling or a password reset ends them. */
  activeSessions: number;
}

/** A new account; `password` is the generated one, shown this once (null when it was chosen). */
export interface AccountCreated {
  account: AccountView;
  password: string | null;
}

/** A password reset: the generated password this once (null when chosen), sessions ended. */
export interface PasswordResetResult {
  account: AccountView;
  password: string | null;
  endedSessions: number;
}

export interface DisableResult {
  account: AccountView;
  endedSessions: number;
}

/** Another role, unit or district: the account's sessions end (what it may do changed). */
export interface ReassignResult {
  account: AccountView;
  endedSessions: number;
}

/** A unit an account can be attached to. */
export interface UnitOptionView {
  id: string;
  name: string;
  kind: string;
  registrationCode: string;
  districtId: string;
  parentName: string | null;
}
