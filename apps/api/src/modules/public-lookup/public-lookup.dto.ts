import { bi, detectIdKind, normaliseIdNumber, validateIdNumber } from '@sscard/rules';
import { z } from 'zod';

/**
 * The parent's form: name and ID number. The ID's kind is recognised from its shape and the
 * number is fully checked (check digit included) here, before any query runs.
 */
export const cardStatusBody = z
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
export type CardStatusBody = z.output<typeof cardStatusBody>;

export interface CardStatusFound {
  found: true;
  name: string;
  idNumber: string;
  state: string;
  status: { zh: string; en: string };
  holdingUnit: string | null;
  nextStep: { zh: string; en: string };
  clause: string;
  from?: string;
  deadline?: string;
  helpLines: string[];
}

export interface NotFoundBody {
  found: false;
  message: string;
}

/**
 * One frozen object for "no such person" and "name does not match": it serialises to the same
 * bytes every time, so the two cannot be told apart.
 */
export const NOT_FOUND: Readonly<NotFoundBody> = Object.freeze({
  found: false,
  message: bi(
    '未查到与该姓名和证件号码相符的参保记录，请核对后重试，或拨打96102咨询',
    'No record matches this name and ID number. Check them and try again, or call 96102',
  ),
});
