import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';

/** The staff sign-in form and POST /api/auth/login. */
export const signInSchema = z.object({
  username: z
    .string({ error: bi('用户名必须是文本', 'Username must be text') })
    .trim()
    .min(1, bi('请输入用户名', 'Enter the username'))
    .max(100),
  password: z
    .string({ error: bi('密码必须是文本', 'Password must be text') })
    .min(1, bi('请输入密码', 'Enter the password'))
    .max(200),
});
export type SignIn = z.output<typeof signInSchema>;
