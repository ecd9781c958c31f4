import { describe, expect, it } from 'vitest';
import { GENERATED_PASSWORD, PASSWORD_POLICY, passwordPolicyIssue } from './password-policy.js';

describe('password policy', () => {
  it('accepts 10 characters or more that are not the username', () => {
    expect(passwordPolicyIssue('abcdefghij', 'school650')).toBeUndefined();
    expect(passwordPolicyIssue('correct horse battery staple')).toBeUndefined();
  });

  it('refuses fewer than 10 characters, in Chinese with English', () => {
    expect(passwordPolicyIssue('abcdefghi')).toBe(
      '密码至少10个字符 / The password needs at least 10 characters',
    );
  });

  it('counts characters as people see them (a Chinese pass-phrase of 10 characters is enough)', () => {
    expect(passwordPolicyIssue('北京市社会保障卡发放吧')).toBeUndefined();
    expect(passwordPolicyIssue('北京市社会保障卡')).toMatch(/至少10个字符/);
  });

  it('refuses the username itself, whatever its case and surrounding spaces', () => {
    const message = '密码不能与用户名相同 / The password cannot be the username';
    expect(passwordPolicyIssue('university', 'university')).toBe(message);
    expect(passwordPolicyIssue(' University ', 'university')).toBe(message);
    expect(passwordPolicyIssue('university1', 'university')).toBeUndefined();
  });

  it('refuses a password of spaces only and one longer than the cap', () => {
    expect(passwordPolicyIssue(' '.repeat(12))).toMatch(/全是空格/);
    expect(passwordPolicyIssue('a'.repeat(PASSWORD_POLICY.maxLength))).toBeUndefined();
    expect(passwordPolicyIssue('a'.repeat(PASSWORD_POLICY.maxLength + 1))).toMatch(/不能超过128/);
  });

  it('generated passwords pass the policy and avoid look-alike characters', () => {
    expect(GENERATED_PASSWORD.length).toBeGreaterThanOrEqual(PASSWORD_POLICY.minLength);
    expect(
      passwordPolicyIssue(GENERATED_PASSWORD.alphabet.slice(0, GENERATED_PASSWORD.length)),
    ).toBeUndefined();
    for (const c of ['0', 'O', '1', 'l', 'I']) expect(GENERATED_PASSWORD.alphabet).not.toContain(c);
  });
});
