import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.js';
import { cardStatusQuerySchema } from './card-status-query.schema.js';
import { signInSchema } from './sign-in.schema.js';

describe('the parent lookup form (shared by the API and the admin page)', () => {
  it('S-1.3: a mistyped check digit is refused with the expected character', () => {
    const result = cardStatusQuerySchema.safeParse({
      name: '王明',
      idNumber: '110105194912310020',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      idNumber: '校验码错误（应为 X） / Check digit mismatch (expected X)',
    });
  });

  it('S-1.3: full-width digits and a lowercase x are normalised before the check', () => {
    expect(
      cardStatusQuerySchema.parse({
        name: ' 王明 ',
        idNumber: '１１０１０５１９４９１２３１００２x',
      }),
    ).toEqual({ name: '王明', idNumber: '11010519491231002X' });
  });

  it('asks for both fields', () => {
    const result = cardStatusQuerySchema.safeParse({ name: '', idNumber: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      name: '请输入姓名 / Enter the name',
      idNumber: '请输入证件号码 / Enter the ID number',
    });
  });
});

describe('the sign-in form', () => {
  it('trims the username and asks for a password', () => {
    const result = signInSchema.safeParse({ username: '  ', password: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      username: '请输入用户名 / Enter the username',
      password: '请输入密码 / Enter the password',
    });
  });
});
