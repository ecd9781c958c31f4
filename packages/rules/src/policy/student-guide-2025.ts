import type { EnrolmentPolicy, PolicySource } from './policy-types.js';
import type { CalendarDate } from '../dates/calendar-date.js';

export const STUDENT_GUIDE_2025: PolicySource = {
  id: 'student-guide-2025',
  title: '在校新参保人员办理指南（2025年北京市城乡居民基本医疗保险）',
};

/** S-2.1: the guide only states the student fee; other categories have no 2025 data here. */
export const ENROLMENT_2025: EnrolmentPolicy = {
  policyYear: 2025,
  source: STUDENT_GUIDE_2025,
  feesYuan: { student_child: 405 },
};

export const PAYMENT_CHANNELS = [
  'jingtong_mini_program',
  'electronic_tax_bureau',
  'bank_app',
  'bank_batch_withholding',
  'bank_counter',
] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const PAYMENT_CHANNEL_LABELS: Record<PaymentChannel, { zh: string; en: string }> = {
  jingtong_mini_program: { zh: '京通小程序（推荐）', en: 'Jingtong mini-program (recommended)' },
  electronic_tax_bureau: { zh: '电子税务局', en: 'Electronic tax bureau' },
  bank_app: { zh: '银行APP', en: 'Bank app' },
  bank_batch_withholding: {
    zh: '银行批量扣款（需签协议）',
    en: 'Bank batch withholding (agreement needed)',
  },
  bank_counter: {
    zh: '银行柜台（本人身份证；代办人携带双方身份证）',
    en: 'Bank counter (own ID; a proxy brings both IDs)',
  },
};

export interface StudentPolicy {
  policyYear: number;
  source: PolicySource;
  /** S-2.2a: working days only, inclusive dates, inclusive clock times (Beijing time). */
  paymentWindow: { from: CalendarDate; to: CalendarDate; opensAt: string; closesAt: string };
  /** S-2.2b */
  bankDeductionDayOfMonth: number;
  /** S-2.3: a payment inside `paidFrom…paidTo` is covered `coverFrom…coverTo`. */
  benefitPeriod: {
    paidFrom: CalendarDate;
    paidTo: CalendarDate;
    coverFrom: CalendarDate;
    coverTo: CalendarDate;
    /** What happens to costs incurred before the payment succeeds. */
    beforePayment: { zh: string; en: string };
  };
  /** S-3.1 */
  personalInstitutionCount: number;
  channels: readonly PaymentChannel[];
}

export const STUDENT_2025: StudentPolicy = {
  policyYear: 2025,
  source: STUDENT_GUIDE_2025,
  paymentWindow: {
    from: '2025-10-05',
    to: '2025-10-20',
    opensAt: '09:00:00',
    closesAt: '15:00:00',
  },
  bankDeductionDayOfMonth: 15,
  benefitPeriod: {
    paidFrom: '2025-10-01',
    paidTo: '2025-10-31',
    coverFrom: '2025-09-01',
    coverTo: '2025-12-31',
    beforePayment: {
      zh: '缴费成功前产生的费用，可按照北京市政策要求自行前往指定地点进行手工报销',
      en: 'Costs incurred before the payment succeeds are reimbursed manually at the designated offices, under Beijing policy',
    },
  },
  personalInstitutionCount: 3,
  channels: PAYMENT_CHANNELS,
};
