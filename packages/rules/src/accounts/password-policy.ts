import { bi } from '../i18n/bilingual.js';

/** Staff passwords: long enough to resist guessing, and never the account's own username. */
export const PASSWORD_POLICY = {
  minLength: 10,
  /** argon2 takes any length; the cap keeps a request from hashing megabytes. */
  maxLength: 128,
} as const;

/**
 * Passwords the API generates (a new account, a reset): letters and digits without the ones
 * that are easily confused when read aloud or copied by hand (0/O, 1/l/I).
 */
export const GENERATED_PASSWORD = {
  length: 14,
  alphabet: 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789',
} as const;

/** The first way a password breaks the policy, or undefined when it is acceptable. */
export function passwordPolicyIssue(password: string, username?: string): string | undefined {
  const { minLength, maxLength } = PASSWORD_POLICY;
  // Counted in characters as people see them, so a Chinese pass-phrase is not penalised.
  const length = [...password].length;
  if (length < minLength)
    return bi(`密码至少${minLength}个字符`, `The password needs at least ${minLength} characters`);
  if (length > maxLength)
    return bi(
      `密码不能超过${maxLength}个字符`,
      `The password must be at most ${maxLength} characters`,
    );
  if (password.trim().length === 0)
    return bi('密码不能全是空格', 'The password cannot be only spaces');
  if (username !== undefined && password.trim().toLowerCase() === username.trim().toLowerCase())
    return bi('密码不能与用户名相同', 'The password cannot be the username');
  return undefined;
}
