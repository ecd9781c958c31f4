import {
  bi,
  type Bilingual,
  collegeSchema,
  type EvidenceItem,
  type HelpLine,
  type InstitutionChoice,
  oneOf,
  type PaymentChannel,
  STUDENT_STATUSES,
  type StudentStatus,
  type StudentStep,
  studentInstitutionsSchema,
  studentPaymentSchema,
  studentPhotoSchema,
  studentRegistrationSchema,
  type submissionChecklist,
  type WithholdingOutlook,
} from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';
import { uuidText } from '../../common/validation/uuid-text.js';

/**
 * Request bodies are the shared schemas of @sscard/rules (the admin's forms use the same ones).
 * S-1.2: attachment 1's data; its 院（系） must be the path's college.
 */
export const createStudentBody = studentRegistrationSchema;
export type CreateStudentBody = z.output<typeof createStudentBody>;

export const createCollegeBody = collegeSchema;
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
export const studentPaymentBody = studentPaymentSchema;
export type StudentPaymentBody = z.output<typeof studentPaymentBody>;

/** S-1.6: the guide says answer "no" when asked about proxy handling. */
export const photoBody = studentPhotoSchema;

export const studentInstitutionsBody = studentInstitutionsSchema;
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
  /** S-1.6: the college's students per status, with the ineligible and deferred among them. */
  byStatus: StatusCounts;
  ineligible: number;
  deferred: number;
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
  /** S-1.1: the student's own declaration of no other basic medical cover. */
  declaresNoOtherCover: boolean;
  /** S-1.4: when a college summary including the student was last produced (ISO instant). */
  summaryExportedAt: string | null;
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
  /** S-2.3: costs before the payment are reimbursed manually. */
  benefitBeforePayment: Bilingual;
  /** S-2.2b within the S-2.2a window; null unless the student is reviewed and not yet paid. */
  withholding: WithholdingOutlook | null;
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
