import type {
  ChangePassword,
  CreateAccountInput,
  ReassignAccountInput,
  RenameAccount,
  ResetPassword,
} from '@sscard/rules';
import type {
  AccountCreated,
  AccountView,
  DisableResult,
  Page,
  PasswordResetResult,
  ReassignResult,
  UnitOptionView,
  UnitOptionsQuery,
  UserListQuery,
} from './contract.js';
import { http } from './endpoints.js';

type Signal = { signal?: AbortSignal | undefined };

const path = (id: string) => `/api/users/${encodeURIComponent(id)}`;

/** Account management (/api/users) and one's own password (/api/auth/password). */
export const usersApi = {
  list: (query: UserListQuery, { signal }: Signal = {}) =>
    http.get<Page<AccountView>>('/api/users', { query, signal }),
  unitOptions: (query: UnitOptionsQuery, { signal }: Signal = {}) =>
    http.get<UnitOptionView[]>('/api/users/unit-options', { query, signal }),
  create: (body: CreateAccountInput) => http.post<AccountCreated>('/api/users', body),
  disable: (id: string) => http.post<DisableResult>(`${path(id)}/disable`),
  enable: (id: string) => http.post<AccountView>(`${path(id)}/enable`),
  rename: (id: string, body: RenameAccount) =>
    http.put<AccountView>(`${path(id)}/display-name`, body),
  reassign: (id: string, body: ReassignAccountInput) =>
    http.put<ReassignResult>(`${path(id)}/assignment`, body),
  resetPassword: (id: string, body: ResetPassword = {}) =>
    http.post<PasswordResetResult>(`${path(id)}/password-reset`, body),
  changeOwnPassword: (body: ChangePassword) => http.post<void>('/api/auth/password', body),
};
