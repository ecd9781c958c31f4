import { type Bilingual, splitBilingual } from '../i18n/bilingual.js';
import type { IdKind } from '../id/id-number.js';
import { HELP_LINES, type HelpLineKey } from '../policy/help-lines.js';
import { getStudentPolicy } from '../policy/policy-registry.js';
import { PAYMENT_CHANNEL_LABELS } from '../policy/student-guide-2025.js';
import { standardFee } from '../fees/annual-fee.js';
import type { RuleResult } from '../common/rule-result.js';
import { attachment1FileName, attachment2FileName } from './attachment-names.js';
import { evidenceRequired } from './evidence.js';
import { paymentWindowText } from './payment-window.js';
import type { StudentStatus, SubmissionItemKey } from './student-progress.js';

export interface StudentGuidanceInput {
  status: StudentStatus;
  seq: number;
  name: string;
  idKind: IdKind;
  deferred: boolean;
  /** S-1.1, as stored for the student. */
  eligibility: RuleResult;
  done: Partial<Record<SubmissionItemKey, boolean>>;
  institutionsChosen: boolean;
  policyYear?: number;
}

export interface HelpLine {
  number: string;
  zh: string;
  en: string;
}

export interface StudentStep extends Bilingual {
  clause: string;
  /** S-4: the help line for the questions this step raises. */
  helpLines: HelpLine[];
}

const lines = (...keys: HelpLineKey[]): HelpLine[] =>
  keys.map((k) => ({ number: HELP_LINES[k].number, zh: HELP_LINES[k].zh, en: HELP_LINES[k].en }));

function step(clause: string, zh: string, en: string, help: HelpLineKey[]): StudentStep {
  return { clause, zh, en, helpLines: lines(...help) };
}

function registrationSteps(input: StudentGuidanceInput): StudentStep[] {
  if (!input.eligibility.ok) {
    const { zh, en } = splitBilingual(input.eligibility.message);
    return [step('S-1.1', `不符合参保条件：${zh}`, `Not eligible: ${en}`, ['insurance'])];
  }
  const steps: StudentStep[] = [];
  if (!input.done.attachment1) {
    const file = attachment1FileName(input.seq, input.name);
    steps.push(
      step(
        'S-1.2',
        `填写并上传附件1《${file}》，务必保证信息准确`,
        `Fill in and upload attachment 1 named ${file}; wrong data cannot be processed`,
        ['insurance'],
      ),
    );
  }
  if (!input.done.attachment2) {
    const file = attachment2FileName(input.seq, input.name);
    const items = evidenceRequired(input.idKind, input.deferred);
    steps.push(
      step(
        'S-1.3',
        `将${items.map((i) => i.zh).join('、')}的扫描件或图片放在一个PDF文档里，命名为《${file}》上传`,
        `Put scans or photos of ${items.map((i) => i.en).join(', ')} in one PDF named ${file} and upload it`,
        ['insurance'],
      ),
    );
  }
  if (!input.done.attachment3) {
    steps.push(
      step(
        'S-1.4',
        '配合院（系）填写新参保信息汇总表（附件3）：院（系）在本人信息登记后下载汇总表',
        'Help the college fill in the summary table (attachment 3): the college downloads it once your data is registered',
        ['insurance'],
      ),
    );
  }
  if (steps.length === 0) {
    steps.push(
      step(
        'S-1.5',
        '附件1、2、3已齐全，请提交至院（系）',
        'Attachments 1, 2 and 3 are complete: submit them to the college',
        ['insurance'],
      ),
    );
  }
  return steps;
}

function paymentStep(policyYear: number): StudentStep {
  const policy = getStudentPolicy(policyYear);
  const window = paymentWindowText(policyYear);
  const fee = standardFee(policyYear, 'student_child');
  const channels = policy.channels.map((c) => PAYMENT_CHANNEL_LABELS[c]);
  return step(
    'S-2.2a',
    `请于${window.zh}缴费${fee}元，缴费方式：${channels.map((c) => c.zh).join('；')}。银行批量扣款日为每月${policy.bankDeductionDayOfMonth}日（遇节假日、双休日顺延）`,
    `Pay ${fee} 元 on ${window.en}, by: ${channels.map((c) => c.en).join('; ')}. Bank batch withholding is on the ${policy.bankDeductionDayOfMonth}th of each month (next working day if that is a holiday or weekend)`,
    ['tax', 'etaxSupport'],
  );
}

/**
 * S-1.1 … S-3.1 with S-4: what a student does next, in plain words, with the help line to call
 * for that step (12333 for enrolment questions, 12366 and 4007112366 for paying).
 */
export function studentNextSteps(input: StudentGuidanceInput): StudentStep[] {
  const policyYear = input.policyYear ?? 2025;
  const steps: StudentStep[] = [];
  switch (input.status) {
    case 'registered':
      return registrationSteps(input);
    case 'submitted':
      steps.push(
        step('S-1.6', '材料已提交，等待北京市审核', "Submitted: waiting for Beijing's review", [
          'insurance',
        ]),
      );
      break;
    case 'reviewed':
      steps.push(paymentStep(policyYear));
      break;
    case 'paid':
      steps.push(
        step(
          'S-1.6',
          '缴费成功后请自行上传个人照片办理医保卡（选择是否代办时请选择“否”），也可不录入照片，直接激活医保电子凭证',
          'After paying, upload a photo for the card (answer "no" to proxy handling), or skip the card and activate the electronic medical-insurance voucher',
          ['insurance'],
        ),
      );
      break;
    default:
      break;
  }
  if (!input.institutionsChosen) {
    steps.push(
      step(
        'S-3.1',
        '选择3所本人定点医疗机构（中医、专科、A类定点医疗机构为共同定点，不需选择）',
        'Choose 3 personal designated medical institutions (TCM, specialist and A-class ones are common to everyone)',
        ['insurance'],
      ),
    );
  }
  return steps;
}
