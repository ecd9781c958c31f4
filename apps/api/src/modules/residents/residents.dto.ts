import { uuidText } from '../../common/validation/uuid-text.js';
import {
  bi,
  CATEGORIES,
  calendarDate,
  type CardState,
  type Category,
  categoryChangeRequestSchema,
  createResidentRequestSchema,
  identitySyncedRequestSchema,
  type InstitutionChoice,
  institutionsRequestSchema,
  oneOf,
  policyYear,
  type SubsidyFlag,
  subsidyVerificationSchema,
} from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';

/** The request bodies are the rules' schemas, which the admin's forms check with too. */
export const createResidentBody = createResidentRequestSchema;
export type CreateResidentBody = z.output<typeof createResidentBody>;

export const residentListQuery = pageQuery(['name', 'birthDate', 'createdAt'] as const).extend({
  category: oneOf(CATEGORIES, '人员类别', 'Category').optional(),
  unitId: uuidText('参保单位', 'Unit').optional(),
});
export type ResidentListQuery = z.output<typeof residentListQuery>;

export const residentDetailQuery = z.object({
  full: z
    .enum(['1', 'true', '0', 'false'], { error: bi('full 只能是 1 或 0', 'full must be 1 or 0') })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const institutionsBody = institutionsRequestSchema;

export const subsidyVerificationBody = subsidyVerificationSchema;
export type SubsidyVerificationBody = z.output<typeof subsidyVerificationBody>;

export const missingInstitutionQuery = pageQuery(['name', 'createdAt'] as const).extend({
  policyYear: z.coerce
    .number({ error: bi('政策年度必须是数字', 'Policy year must be a number') })
    .pipe(policyYear)
    .optional(),
  /** An explicit deadline; by default the policy year's N-1.6 date is used. */
  deadline: calendarDate('截止日期', 'Deadline').optional(),
});
export type MissingInstitutionQuery = z.output<typeof missingInstitutionQuery>;

export const categoryChangeBody = categoryChangeRequestSchema;
export type CategoryChangeBody = z.output<typeof categoryChangeBody>;

export const syncedBody = identitySyncedRequestSchema;

export interface UnitRef {
  id: string;
  name: string;
}

/** A resident in a list: the ID number is masked (the birth date it encodes is hidden too). */
export interface ResidentView {
  id: string;
  districtId: string;
  name: string;
  idKind: string;
  idNumber: string;
  idNumberMasked: boolean;
  birthDate: string;
  category: Category;
  subsidyFlags: SubsidyFlag[];
  currentUnit: UnitRef | null;
  /** N-2.3: the class (班级) a child is in at the current unit, when known. */
  className: string | null;
  createdAt: string;
}

export interface CardView {
  id: string;
  cardNumber: string | null;
  state: CardState;
  problem: string | null;
  /** N-2.4a: the unit the card was made for, which can differ from the current unit. */
  madeForUnit: UnitRef;
  currentUnit: UnitRef | null;
}

export interface ResidentDetail extends ResidentView {
  designatedInstitutions: InstitutionChoice[];
  subsidyVerifications: {
    id: string;
    policyYear: number;
    flag: SubsidyFlag;
    passed: boolean;
    actedBy: string;
    evidence: string;
    verifiedOn: string;
  }[];
  enrolments: {
    id: string;
    policyYear: number;
    category: Category;
    enrolledOn: string;
    paymentMethod: string;
    feeYuan: number;
    exempt: boolean;
    paid: boolean;
    unit: UnitRef;
  }[];
  cards: CardView[];
  categoryChanges: {
    id: string;
    from: Category;
    to: Category;
    changedOn: string;
    syncedOn: string | null;
    cardId: string | null;
  }[];
  temporaryCertificate: { id: string; number: string; issuedOn: string } | null;
}

export interface MissingInstitutionItem {
  id: string;
  name: string;
  idNumber: string;
  category: Category;
  currentUnit: UnitRef | null;
  designatedInstitutions: InstitutionChoice[];
  deadline: string | null;
  overdue: boolean;
}
