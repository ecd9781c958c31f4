import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';
import { INSTITUTION_KINDS } from '../institutions/designated-institutions.js';
import { CATEGORIES } from '../policy/categories.js';
import { SUBSIDY_FLAGS } from '../policy/subsidy-flags.js';
import {
  calendarDate,
  checkAgainstIdNumber,
  checkIdNumber,
  idKind,
  idNumberText,
  oneOf,
  optionalText,
  text,
  whenFieldsValid,
} from './fields.js';

export const institutionChoiceSchema = z.object({
  code: text('医疗机构编码', 'Institution code', 20),
  kind: oneOf(INSTITUTION_KINDS, '医疗机构类别', 'Institution kind'),
});

export const personSchema = z
  .object({
    name: text('姓名', 'Name'),
    idKind,
    idNumber: idNumberText,
    birthDate: calendarDate('出生日期', 'Birth date'),
    category: oneOf(CATEGORIES, '人员类别', 'Category'),
    subsidyFlags: z.array(oneOf(SUBSIDY_FLAGS, '补助标识', 'Subsidy flag')).default([]),
    designatedInstitutions: z.array(institutionChoiceSchema).max(10).default([]),
    /** N-2.3: the class (班级) a child is in, so the unit can hand out a class's cards together. */
    className: optionalText('班级', 'Class'),
  })
  .superRefine(
    (p, ctx) => checkIdNumber(ctx, p.idKind, p.idNumber),
    whenFieldsValid('idKind', 'idNumber'),
  )
  .superRefine(
    (p, ctx) => checkAgainstIdNumber(ctx, p),
    whenFieldsValid('idKind', 'idNumber', 'birthDate'),
  )
  .superRefine((p, ctx) => {
    if (new Set(p.subsidyFlags).size !== p.subsidyFlags.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['subsidyFlags'],
        message: bi('补助标识重复', 'Duplicate subsidy flag'),
      });
    }
  }, whenFieldsValid('subsidyFlags'));
export type PersonInput = z.input<typeof personSchema>;
export type Person = z.output<typeof personSchema>;

/** N-1.4a: a yearly subsidy-eligibility verification and who acted. */
export const subsidyVerificationSchema = z.object({
  policyYear: z.number().int().min(2000).max(2100),
  flag: oneOf(SUBSIDY_FLAGS, '补助标识', 'Subsidy flag'),
  passed: z.boolean({ error: bi('须注明是否通过验审', 'Say whether the verification passed') }),
  actedBy: oneOf(['self', 'guardian', 'civil_affairs'], '办理人', 'Acted by'),
  evidence: text('证明材料', 'Evidence', 200),
  verifiedOn: calendarDate('验审日期', 'Verification date'),
});
export type SubsidyVerification = z.output<typeof subsidyVerificationSchema>;
