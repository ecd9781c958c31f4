import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';
import { detectIdKind, validateIdNumber } from '../id/id-number.js';
import { normaliseIdNumber } from '../id/normalise-id-number.js';

/**
 * The parents' lookup form and POST /api/public/card-status: name and ID number. The ID's kind
 * is recognised from its shape and the number fully checked (check digit included), so the
 * page refuses a mistyped number before it asks the server, with the server's own message.
 */
export const cardStatusQuerySchema = z
  .object({
    name: z
      .string({ error: bi('姓名必须是文本', 'Name must be text') })
      .trim()
      .min(1, bi('请输入姓名', 'Enter the name'))
      .max(50, bi('姓名不能超过50个字符', 'Name is at most 50 characters')),
    idNumber: z
      .string({ error: bi('证件号码必须是文本', 'ID number must be text') })
      .transform(normaliseIdNumber)
      .refine((v) => v.length > 0, bi('请输入证件号码', 'Enter the ID number')),
  })
  .superRefine((body, ctx) => {
    if (body.idNumber.length === 0) return;
    const kind = detectIdKind(body.idNumber);
    const result = kind
      ? validateIdNumber(kind, body.idNumber)
      : { valid: false, reason: bi('无法识别的证件号码', 'Unrecognised ID number') };
    if (!result.valid)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: result.reason ?? '' });
  });
export type CardStatusQuery = z.output<typeof cardStatusQuerySchema>;
