import { bi } from '../i18n/bilingual.js';
import { attachmentFileType, attachmentTypeMessage } from './attachment-types.js';

const FORM_SUFFIX = '个人参加城乡居民基本医疗保险信息登记表';
const EVIDENCE_SUFFIX = '证明材料';

function prefix(seq: number, name: string): string {
  if (!Number.isInteger(seq) || seq < 1) {
    throw new RangeError(
      bi(`序号必须是正整数：${seq}`, `Sequence number must be a positive integer: ${seq}`),
    );
  }
  const trimmed = name.trim();
  if (trimmed === '') throw new RangeError(bi('姓名不能为空', 'Name is required'));
  return `【${seq}${trimmed}】`;
}

/** S-1.2: attachment 1, 【序号+姓名】个人参加城乡居民基本医疗保险信息登记表 (extension added by the caller). */
export function attachment1FileName(seq: number, name: string): string {
  return `${prefix(seq, name)}${FORM_SUFFIX}`;
}

/** S-1.3: attachment 2, 【序号+姓名】证明材料.pdf — one PDF with all the evidence. */
export function attachment2FileName(seq: number, name: string): string {
  return `${prefix(seq, name)}${EVIDENCE_SUFFIX}.pdf`;
}

/** S-1.4: attachment 3, 【XX学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表. */
export function summaryTableTitle(collegeName: string, policyYear: number): string {
  const college = collegeName.trim();
  if (college === '') throw new RangeError(bi('学院名称不能为空', 'College name is required'));
  return `【${college}】${policyYear}年北京市城乡居民基本医疗保险新参保信息汇总表`;
}

const ATTACHMENT_RE =
  /^【(\d+)(.+?)】(个人参加城乡居民基本医疗保险信息登记表|证明材料)(\.[A-Za-z0-9]+)?$/;

export type AttachmentNameCheck =
  | { ok: true; attachment: 1 | 2; seq: number; name: string }
  | { ok: false; clause: string; message: string };

/** S-1.2 / S-1.3: check an uploaded file's name against the student's sequence number and name. */
export function checkAttachmentName(
  fileName: string,
  expected: { seq: number; name: string },
): AttachmentNameCheck {
  const m = ATTACHMENT_RE.exec(fileName.normalize('NFC').trim());
  if (!m || m[1] === undefined || m[2] === undefined) {
    return {
      ok: false,
      clause: 'S-1.2',
      message: bi(
        `文件名应为【序号+姓名】个人参加城乡居民基本医疗保险信息登记表 或【序号+姓名】证明材料：${fileName}`,
        `File name must be 【No.+name】 followed by the form or evidence title: ${fileName}`,
      ),
    };
  }
  const attachment = m[3] === EVIDENCE_SUFFIX ? 2 : 1;
  const seq = Number(m[1]);
  const name = m[2];
  if (attachment === 2 && !attachmentFileType(2, fileName.trim())) {
    return { ok: false, clause: 'S-1.3', message: attachmentTypeMessage(2) };
  }
  if (seq !== expected.seq || name !== expected.name.trim()) {
    return {
      ok: false,
      clause: attachment === 2 ? 'S-1.3' : 'S-1.2',
      message: bi(
        `文件名中的序号和姓名应为【${expected.seq}${expected.name.trim()}】`,
        `The file name should start with 【${expected.seq}${expected.name.trim()}】`,
      ),
    };
  }
  return { ok: true, attachment, seq, name };
}
