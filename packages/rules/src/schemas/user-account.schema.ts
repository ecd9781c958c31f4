import { z } from 'zod';
import { ACCOUNT_ROLES, accountScopeIssues } from '../accounts/account-roles.js';
import { PASSWORD_POLICY, passwordPolicyIssue } from '../accounts/password-policy.js';
import { bi } from '../i18n/bilingual.js';
import { DISTRICT_CODES } from '../units/districts.js';
import { oneOf, text, whenFieldsValid } from './fields.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A username: 3–32 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit
 * (the demo's `chaoyang`, `school650`, `college-cs`). Lowercase only, so that sign-in, which
 * compares exactly, cannot tell apart two accounts that people would read as one.
 */
export const usernameField = z
  .string({ error: bi('用户名必须是文本', 'Username must be text') })
  .trim()
  .min(3, bi('用户名至少3个字符', 'The username needs at least 3 characters'))
  .max(32, bi('用户名不能超过32个字符', 'The username must be at most 32 characters'))
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    bi(
      '用户名只能包含小写字母、数字和 . _ -，且以字母或数字开头',
      'The username may contain lowercase letters, digits and . _ - and must start with a letter or digit',
    ),
  );

/** A new password as the policy wants it (the username check needs the account: see below). */
export const newPasswordField = z
  .string({ error: bi('密码必须是文本', 'Password must be text') })
  .superRefine((value, ctx) => {
    const issue = passwordPolicyIssue(value);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  });

const accountRole = oneOf(ACCOUNT_ROLES, '角色', 'Role');

/**
 * POST /api/users and the admin's create form. The scope (district or unit) follows the role,
 * as app_user's CHECK constraint wants; a unit role's district is its unit's. The password is
 * optional: without one the API generates it and shows it once.
 */
const districtField = oneOf(DISTRICT_CODES, '所属区县', 'District').nullish();
const unitField = z
  .string({ error: bi('所属单位必须是文本', 'Unit must be text') })
  .trim()
  .regex(UUID, bi('所属单位编号无效', 'The unit id is not valid'))
  .transform((v) => v.toLowerCase())
  .nullish();

export const createAccountSchema = z
  .object({
    username: usernameField,
    displayName: text('姓名（显示名称）', 'Display name', 100),
    role: accountRole,
    districtId: districtField,
    unitId: unitField,
    password: newPasswordField.nullish(),
  })
  .superRefine(
    (body, ctx) => {
      for (const [path, message] of Object.entries(accountScopeIssues(body)))
        ctx.addIssue({ code: 'custom', path: [path], message });
    },
    whenFieldsValid('role', 'districtId', 'unitId'),
  )
  .superRefine(
    (body, ctx) => {
      const issue = body.password ? passwordPolicyIssue(body.password, body.username) : undefined;
      if (issue) ctx.addIssue({ code: 'custom', path: ['password'], message: issue });
    },
    whenFieldsValid('username', 'password'),
  );
export type CreateAccountInput = z.input<typeof createAccountSchema>;
export type CreateAccount = z.output<typeof createAccountSchema>;

/**
 * PUT /api/users/:id/assignment: a manager moves an account to another unit or district, or
 * gives it another role, with the scope the role wants (as for a new account).
 */
export const reassignAccountSchema = z
  .object({ role: accountRole, districtId: districtField, unitId: unitField })
  .superRefine(
    (body, ctx) => {
      for (const [path, message] of Object.entries(accountScopeIssues(body)))
        ctx.addIssue({ code: 'custom', path: [path], message });
    },
    whenFieldsValid('role', 'districtId', 'unitId'),
  );
export type ReassignAccountInput = z.input<typeof reassignAccountSchema>;
export type ReassignAccount = z.output<typeof reassignAccountSchema>;

/** PUT /api/users/:id/display-name: a manager corrects the name shown for an account. */
export const renameAccountSchema = z.object({
  displayName: text('姓名（显示名称）', 'Display name', 100),
});
export type RenameAccount = z.output<typeof renameAccountSchema>;

/** POST /api/users/:id/password-reset: a chosen password, or none for a generated one. */
export const resetPasswordSchema = z.object({
  password: newPasswordField.nullish(),
});
export type ResetPassword = z.output<typeof resetPasswordSchema>;

/** POST /api/auth/password: one's own password, changed with the current one. */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: bi('当前密码必须是文本', 'Current password must be text') })
      .min(1, bi('请输入当前密码', 'Enter the current password'))
      .max(PASSWORD_POLICY.maxLength * 4),
    newPassword: newPasswordField,
  })
  .superRefine(
    (body, ctx) => {
      if (body.currentPassword === body.newPassword)
        ctx.addIssue({
          code: 'custom',
          path: ['newPassword'],
          message: bi(
            '新密码不能与当前密码相同',
            'The new password must differ from the current one',
          ),
        });
    },
    whenFieldsValid('currentPassword', 'newPassword'),
  );
export type ChangePassword = z.output<typeof changePasswordSchema>;
