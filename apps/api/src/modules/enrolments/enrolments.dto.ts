import {
  bi,
  type Category,
  closeCertificateRequestSchema,
  enrolmentSchema,
  paymentSchema,
  policyYear,
  type RuleRefusal,
} from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';
import { uuidText } from '../../common/validation/uuid-text.js';
import type { UnitRef } from '../residents/residents.dto.js';

export const enrolmentBody = enrolmentSchema;
export type EnrolmentBody = z.output<typeof enrolmentBody>;

export const paymentBody = paymentSchema;
export type PaymentBody = z.output<typeof paymentBody>;

export const enrolmentListQuery = pageQuery(['enrolledOn', 'createdAt', 'name'] as const).extend({
  policyYear: z.coerce
    .number({ error: bi('政策年度必须是数字', 'Policy year must be a number') })
    .pipe(policyYear)
    .optional(),
  unitId: uuidText('参保单位', 'Unit').optional(),
  paid: z
    .enum(['true', 'false'], {
      error: bi('paid 只能是 true 或 false', 'paid must be true or false'),
    })
    .transform((v) => v === 'true')
    .optional(),
});
export type EnrolmentListQuery = z.output<typeof enrolmentListQuery>;

export const closeCertificateBody = closeCertificateRequestSchema;
export type CloseCertificateBody = z.output<typeof closeCertificateBody>;

export interface PaymentView {
  id: string;
  amountYuan: number;
  paidOn: string;
  method: string;
  channel: string | null;
  /** N-1.3c: the withholding round the deposit met (bank withholding only). */
  withholdingRound: number | null;
}

export interface TemporaryCertificateView {
  id: string;
  number: string;
  residentId: string;
  issuedOn: string;
  closedOn: string | null;
}

/** An enrolment as the API shows it; the person's ID number is masked. */
export interface EnrolmentView {
  id: string;
  residentId: string;
  residentName: string;
  idNumber: string;
  districtId: string;
  unit: UnitRef;
  policyYear: number;
  category: Category;
  enrolledOn: string;
  paymentMethod: string;
  depositAccount: string | null;
  feeYuan: number;
  exempt: boolean;
  requiredDepositYuan: number | null;
  /** N-1.1c: enrolment and payment by the cut-off secure cover from 1 January. */
  januaryCover: boolean;
  payment: PaymentView | null;
  createdAt: string;
}

export interface EnrolmentCreated extends EnrolmentView {
  /** Why a claimed exemption was not granted (N-1.4a / N-1.4b); the full fee applies. */
  exemptionRefused: Omit<RuleRefusal, 'ok'> | null;
  /** N-1.5: issued with the enrolment when the person has no card yet. */
  temporaryCertificate: TemporaryCertificateView | null;
}
