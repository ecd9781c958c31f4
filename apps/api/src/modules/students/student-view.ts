import {
  attachment1FileName,
  attachment2FileName,
  benefitBeforePayment,
  benefitPeriod,
  evidenceRequired,
  HELP_LINES,
  type InstitutionChoice,
  maskIdNumber,
  PAYMENT_CHANNEL_LABELS,
  type RuleResult,
  STUDENT_STATUS_LABELS,
  standardFee,
  studentNextSteps,
  studentWithholding,
  submissionChecklist,
  summaryRowCurrent,
  toShanghai,
} from '@sscard/rules';
import type { AttachmentRow } from './student-files.repository.js';
import type { PaymentRow } from './student-progress.repository.js';
import type { AttachmentView, StudentDetail, StudentView } from './students.dto.js';
import type { StudentRow } from './students.repository.js';

/** S-1.1: the verdict stored when the student was registered, as the rules gave it. */
export function storedEligibility(row: StudentRow): RuleResult {
  return row.eligible
    ? { ok: true }
    : { ok: false, clause: row.ineligibleClause ?? 'S-1.1', message: row.ineligibleReason ?? '' };
}

/**
 * S-1.5: attachments 1 and 2 are the uploaded files; attachment 3 is the student's row in a
 * college summary produced after the student's data last changed (the rules decide).
 */
export function checklistOf(row: StudentRow, attachments: readonly AttachmentRow[]) {
  return submissionChecklist({
    attachment1: attachments.some((a) => a.kind === 'registration_form'),
    attachment2: attachments.some((a) => a.kind === 'evidence'),
    attachment3: summaryRowCurrent(row),
  });
}

/** An instant as Beijing wall-clock time with its offset, the way the guide states times. */
export function beijingTimestamp(at: Date): string {
  const local = toShanghai(at);
  return `${local.date}T${local.time}+08:00`;
}

export function studentView(row: StudentRow): StudentView {
  return {
    id: row.id,
    districtId: row.districtId,
    college: { id: row.collegeId, name: row.collegeName },
    university:
      row.universityId && row.universityName
        ? { id: row.universityId, name: row.universityName }
        : null,
    policyYear: row.policyYear,
    seq: row.seq,
    name: row.name,
    idKind: row.idKind,
    idNumber: maskIdNumber(row.idNumber),
    studentNumber: row.studentNumber,
    className: row.className,
    deferred: row.studyStatus === 'deferred',
    eligibility: {
      eligible: row.eligible,
      clause: row.ineligibleClause,
      reason: row.ineligibleReason,
    },
    status: row.status,
    statusLabel: STUDENT_STATUS_LABELS[row.status],
    createdAt: row.createdAt,
  };
}

export function attachmentView(a: AttachmentRow): AttachmentView {
  return {
    id: a.id,
    attachment: a.kind === 'registration_form' ? 1 : 2,
    originalName: a.originalName,
    contentType: a.contentType,
    bytes: a.bytes,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt,
  };
}

/** The detail: the registration plus everything the rules say about where the student stands. */
export function studentDetail(
  row: StudentRow,
  related: {
    attachments: AttachmentRow[];
    payment: PaymentRow | undefined;
    institutions: InstitutionChoice[];
    today: string;
  },
): StudentDetail {
  const deferred = row.studyStatus === 'deferred';
  const checklist = checklistOf(row, related.attachments);
  const paidOn = related.payment ? toShanghai(related.payment.paidAt).date : undefined;
  return {
    ...studentView(row),
    gender: row.gender,
    birthDate: row.birthDate,
    nationalityOrRegion: row.nationalityOrRegion,
    phone: row.phone,
    studyStatus: row.studyStatus,
    fullTimeStudent: row.fullTimeStudent,
    otherCover: row.otherCover,
    declaresNoOtherCover: row.declaresNoOtherCover,
    summaryExportedAt: row.summaryExportedAt ? row.summaryExportedAt.toISOString() : null,
    fileNames: {
      attachment1: attachment1FileName(row.seq, row.name),
      attachment2: attachment2FileName(row.seq, row.name),
    },
    attachments: related.attachments.map(attachmentView),
    evidenceRequired: evidenceRequired(row.idKind, deferred),
    checklist,
    feeYuan: standardFee(row.policyYear, 'student_child'),
    payment: related.payment
      ? {
          amountYuan: related.payment.amountYuan,
          paidAt: beijingTimestamp(related.payment.paidAt),
          channel: related.payment.channel,
          channelLabel: PAYMENT_CHANNEL_LABELS[related.payment.channel],
        }
      : null,
    benefitPeriod: paidOn ? benefitPeriod(paidOn, row.policyYear) : null,
    benefitBeforePayment: benefitBeforePayment(row.policyYear),
    withholding: studentWithholding(row.status, related.today, row.policyYear),
    designatedInstitutions: related.institutions,
    nextSteps: studentNextSteps({
      status: row.status,
      seq: row.seq,
      name: row.name,
      idKind: row.idKind,
      deferred,
      eligibility: storedEligibility(row),
      done: Object.fromEntries(checklist.items.map((i) => [i.key, i.done])),
      institutionsChosen: related.institutions.length > 0,
      policyYear: row.policyYear,
    }),
    helpLines: [HELP_LINES.insurance, HELP_LINES.tax, HELP_LINES.etaxSupport].map((h) => ({
      number: h.number,
      zh: h.zh,
      en: h.en,
    })),
  };
}
