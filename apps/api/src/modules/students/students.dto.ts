import {
  bi,
  type EvidenceItem,
  institutionChoiceSchema,
  type InstitutionChoice,
  oneOf,
  PAYMENT_CHANNELS,
  type PaymentChannel,
  STUDENT_STATUSES,
  type StudentStatus,
  type StudentStep,
  type HelpLine,
  studentRegistrationSchema,
  unitSchema,
  type submissionChecklist,
  yuan,
} from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';
import { uuidText } from '../../common/validation/uuid-text.js';

/** S-1.2: attachment 1's data, validated by the shared schema; its 院（系） must be the path's college. */
export const createStudentBody = studentRegistrationSchema;
export type CreateStudentBody = z.output<typeof createStudentBody>;

export const createCollegeBody = unitSchema.pick({ name: true, registrationCode: true });
export type CreateCollegeBody = z.output<typeof createCollegeBody>;

const flagParam = (zh: string, en: string) =>
  z
    .enum(['true', 'false', '1', '0'], {
      error: bi(`${zh}只能是 true 或 false`, `${en}: true or false`),
    })
    .transform((v) => v === 'true' || v === '1')
    .optional();

/** `status=reviewed,paid` filters by any of the listed statuses. */
const statusList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()))
  .pipe(z.array(oneOf(STUDENT_STATUSES, '状态', 'Status')).min(1))
  .optional();

export const studentListQuery = pageQuery(['seq', 'name', 'status', 'createdAt'] as const).extend({
  status: statusList,
  collegeId: uuidText('学院', 'College').optional(),
  eligible: flagParam('是否符合参保条件', 'eligible'),
  deferred: flagParam('是否延期', 'deferred'),
});
export type StudentListQuery = z.output<typeof studentListQuery>;

export const dashboardQuery = z.object({
  universityId: uuidText('学校', 'University').optional(),
});

/** S-2.2a / S-2.4: `paidAt` is an instant with its offset; absent, the clock's now is used. */
export const studentPaymentBody = z.object({
  channel: oneOf(PAYMENT_CHANNELS, '缴费方式', 'Payment channel'),
  paidAt: z.iso
    .datetime({
      offset: true,
      error: bi(
        '缴费时间应为带时区的时间，如 2025-10-13T10:00:00+08:00',
        'paidAt must be a timestamp with its offset, e.g. 2025-10-13T10:00:00+08:00',
      ),
    })
    .optional(),
  /** S-2.1: when given, must be the fee. */
  amountYuan: yuan.optional(),
});
export type StudentPaymentBody = z.output<typeof studentPaymentBody>;

export const photoBody = z.object({
  /** S-1.6: the guide says answer "no" when asked about proxy handling. */
  proxyHandling: z.boolean({ error: bi('须注明是否代办', 'Say whether it is proxy handling') }),
});

export const studentInstitutionsBody = z.object({
  designatedInstitutions: z.array(institutionChoiceSchema).max(10),
});
export type StudentInstitutionsBody = z.output<typeof studentInstitutionsBody>;

export interface Ref {
  id: string;
  name: string;
}

export interface CollegeView {
  id: string;
  districtId: string;
  university: Ref;
  name: string;
  registrationCode: string;
  studentCount: number;
}

export interface Eligibility {
  eligible: boolean;
  clause: string | null;
  reason: string | null;
}

/** A student in a list; the ID number is always masked. */
export interface StudentView {
  id: string;
  districtId: string;
  college: Ref;
  university: Ref | null;
  policyYear: number;
  seq: number;
  name: string;
  idKind: string;
  idNumber: string;
  studentNumber: string;
  className: string;
  deferred: boolean;
  eligibility: Eligibility;
  status: StudentStatus;
  statusLabel: { zh: string; en: string };
  createdAt: string;
}

export interface AttachmentView {
  id: string;
  /** 1: registration form (S-1.2); 2: the evidence PDF (S-1.3). */
  attachment: 1 | 2;
  originalName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface StudentDetail extends StudentView {
  gender: string;
  birthDate: string;
  nationalityOrRegion: string;
  phone: string;
  studyStatus: string;
  fullTimeStudent: boolean;
  otherCover: string;
  /** S-1.2 / S-1.3: the names the two files must carry. */
  fileNames: { attachment1: string; attachment2: string };
  attachments: AttachmentView[];
  evidenceRequired: EvidenceItem[];
  checklist: ReturnType<typeof submissionChecklist>;
  feeYuan: number;
  payment: {
    amountYuan: number;
    paidAt: string;
    channel: PaymentChannel;
    channelLabel: { zh: string; en: string };
  } | null;
  benefitPeriod: { from: string; to: string } | null;
  withholdingDates: string[];
  designatedInstitutions: InstitutionChoice[];
  nextSteps: StudentStep[];
  helpLines: HelpLine[];
}

export type StatusCounts = Record<StudentStatus, number>;

export interface DashboardRow {
  college: Ref;
  university: Ref | null;
  total: number;
  ineligible: number;
  deferred: number;
  byStatus: StatusCounts;
}

export interface StudentDashboard {
  policyYear: number;
  total: number;
  ineligible: number;
  deferred: number;
  byStatus: StatusCounts;
  colleges: DashboardRow[];
}
