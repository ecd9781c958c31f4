import { ALLOWED, refuse, type RuleResult } from '../common/rule-result.js';

/** S-1.5: the three attachments a student's file needs at the college. */
export const SUBMISSION_ITEMS = [
  {
    key: 'attachment1',
    zh: '附件1 个人参加城乡居民基本医疗保险信息登记表',
    en: 'Attachment 1: registration form',
    clause: 'S-1.2',
  },
  {
    key: 'attachment2',
    zh: '附件2 证明材料（PDF）',
    en: 'Attachment 2: evidence (PDF)',
    clause: 'S-1.3',
  },
  {
    key: 'attachment3',
    zh: '附件3 学院新参保信息汇总表中的本人信息',
    en: "Attachment 3: the student's row in the college summary table",
    clause: 'S-1.4',
  },
] as const;
export type SubmissionItemKey = (typeof SUBMISSION_ITEMS)[number]['key'];

export function submissionChecklist(done: Partial<Record<SubmissionItemKey, boolean>>) {
  const items = SUBMISSION_ITEMS.map((item) => ({ ...item, done: done[item.key] === true }));
  return { complete: items.every((i) => i.done), items };
}

type Instant = Date | string;

/**
 * S-1.4 / S-1.5: attachment 3 is the student's row in the college summary table. It counts as
 * done only when a summary including the student was produced after the student's registration
 * data last changed — an older table carries stale data. An ineligible student is never in the
 * table (S-1.1), so never has it.
 */
export function summaryRowCurrent(input: {
  eligible: boolean;
  summaryExportedAt: Instant | null;
  registrationChangedAt: Instant;
}): boolean {
  if (!input.eligible || input.summaryExportedAt === null) return false;
  return (
    new Date(input.summaryExportedAt).getTime() >= new Date(input.registrationChangedAt).getTime()
  );
}

/** S-1.6: a student's progress after submission. */
export const STUDENT_STATUSES = [
  'registered',
  'submitted',
  'reviewed',
  'paid',
  'photo_recorded',
  'e_voucher',
] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export const STUDENT_STATUS_LABELS: Record<StudentStatus, { zh: string; en: string }> = {
  registered: { zh: '已登记', en: 'Registered' },
  submitted: { zh: '材料已提交学院', en: 'Submitted to the college' },
  reviewed: { zh: '已通过北京市审核', en: 'Reviewed by Beijing' },
  paid: { zh: '已缴费', en: 'Paid' },
  photo_recorded: { zh: '已录入医保卡照片', en: 'Card photo recorded' },
  e_voucher: { zh: '使用医保电子凭证', en: 'Electronic voucher chosen' },
};

export type StudentEvent =
  | { type: 'submit'; checklistComplete: boolean; eligibility: RuleResult }
  | { type: 'review' }
  | { type: 'pay'; paymentAllowed: RuleResult }
  | { type: 'record_photo'; proxyHandling: boolean }
  | { type: 'choose_e_voucher' };

const FROM: Record<
  StudentEvent['type'],
  { from: StudentStatus; to: StudentStatus; clause: string }
> = {
  submit: { from: 'registered', to: 'submitted', clause: 'S-1.5' },
  review: { from: 'submitted', to: 'reviewed', clause: 'S-1.6' },
  pay: { from: 'reviewed', to: 'paid', clause: 'S-2.2a' },
  record_photo: { from: 'paid', to: 'photo_recorded', clause: 'S-1.6' },
  choose_e_voucher: { from: 'paid', to: 'e_voucher', clause: 'S-1.6' },
};

function guard(event: StudentEvent): RuleResult {
  switch (event.type) {
    case 'submit':
      // S-1.1: an ineligible student is not submitted, whatever the files say.
      if (!event.eligibility.ok) return event.eligibility;
      return event.checklistComplete
        ? ALLOWED
        : refuse(
            'S-1.5',
            '附件1、2、3须齐全后提交学院',
            'Attachments 1, 2 and 3 must all be there',
          );
    case 'pay':
      return event.paymentAllowed;
    case 'record_photo':
      // The guide: answer "no" when asked about proxy handling (选择是否代办时请选择否).
      return event.proxyHandling
        ? refuse(
            'S-1.6',
            '录入照片时“是否代办”须选择“否”',
            'Answer "no" to proxy handling when recording the photo',
          )
        : ALLOWED;
    default:
      return ALLOWED;
  }
}

/** S-1.5 / S-1.6: decide one step of a student's progress. */
export function transitionStudent(
  from: StudentStatus,
  event: StudentEvent,
): { ok: true; to: StudentStatus } | { ok: false; clause: string; message: string } {
  const rule = FROM[event.type];
  if (rule.from !== from) {
    const label = STUDENT_STATUS_LABELS[from];
    return refuse(
      rule.clause,
      `当前状态为“${label.zh}”，不能执行此步骤`,
      `Not allowed while the student is "${label.en}"`,
    );
  }
  const checked = guard(event);
  return checked.ok ? { ok: true, to: rule.to } : checked;
}

/**
 * S-1.1 / S-1.2 / S-1.3 / S-1.5: attachments can be uploaded or replaced for an eligible student
 * until the file is submitted to the college; an ineligible student is refused with the S-1.1
 * reason (there is nothing to submit).
 */
export function attachmentChangeAllowed(
  status: StudentStatus,
  eligibility: RuleResult,
): RuleResult {
  if (!eligibility.ok) return eligibility;
  if (status !== 'registered') {
    return refuse(
      'S-1.5',
      '材料已提交学院，不能再更换附件',
      'The materials are already submitted to the college: attachments can no longer change',
    );
  }
  return ALLOWED;
}

/** S-1.1 / S-1.2: attachment 1 (the registration form) is produced for an eligible student only. */
export function registrationFormAllowed(eligibility: RuleResult): RuleResult {
  return eligibility;
}
