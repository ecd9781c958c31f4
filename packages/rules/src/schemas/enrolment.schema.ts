import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';
import { CATEGORIES, DEPOSIT_ACCOUNTS, PAYMENT_METHODS } from '../policy/categories.js';
import { PAYMENT_CHANNELS } from '../policy/student-guide-2025.js';
import { calendarDate, oneOf, policyYear, whenFieldsValid, yuan } from './fields.js';

/** N-1.1, N-1.3b–d: enrolling a person for a policy year and how they pay. */
export const enrolmentSchema = z
  .object({
    policyYear,
    category: oneOf(CATEGORIES, '人员类别', 'Category'),
    enrolledOn: calendarDate('参保日期', 'Enrolment date'),
    paymentMethod: oneOf(PAYMENT_METHODS, '缴费方式', 'Payment method'),
    depositAccount: oneOf(DEPOSIT_ACCOUNTS, '代扣账户', 'Withholding account').optional(),
  })
  .superRefine(
    (e, ctx) => {
      if (e.paymentMethod === 'bank_withholding' && e.depositAccount === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['depositAccount'],
          message: bi(
            '银行代扣须注明是否为北京银行京卡',
            'Bank withholding needs the account type (京卡 or other)',
          ),
        });
      }
    },
    whenFieldsValid('paymentMethod', 'depositAccount'),
  );
export type Enrolment = z.output<typeof enrolmentSchema>;

/** A payment received; the amount is checked against the rules' fee, not trusted. */
export const paymentSchema = z.object({
  policyYear,
  amountYuan: yuan,
  paidOn: calendarDate('缴费日期', 'Payment date'),
  method: oneOf(PAYMENT_METHODS, '缴费方式', 'Payment method'),
  channel: oneOf(PAYMENT_CHANNELS, '缴费渠道', 'Payment channel').optional(),
});
export type Payment = z.output<typeof paymentSchema>;
