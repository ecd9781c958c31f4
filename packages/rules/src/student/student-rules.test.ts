import { describe, expect, it } from 'vitest';
import { HELP_LINES } from '../policy/help-lines.js';
import { PAYMENT_CHANNEL_LABELS, PAYMENT_CHANNELS } from '../policy/student-guide-2025.js';
import {
  attachment1FileName,
  attachment2FileName,
  checkAttachmentName,
  summaryTableTitle,
} from './attachment-names.js';
import { studentEligibility } from './eligibility.js';
import { evidenceRequired } from './evidence.js';
import {
  attachmentChangeAllowed,
  registrationFormAllowed,
  submissionChecklist,
  summaryRowCurrent,
  transitionStudent,
} from './student-progress.js';
import {
  ATTACHMENT_MAGIC_BYTES,
  attachmentAccept,
  attachmentContentMessage,
  attachmentFileType,
  attachmentTypeMessage,
  hasMagicBytes,
} from './attachment-types.js';
import {
  repeatedRegistrationMessage,
  repeatedRegistrations,
  studentRegistrationKey,
} from './registration-key.js';

describe('S-1.1 eligibility: full-time student with no other basic medical cover', () => {
  it('accepts a full-time student without other cover', () => {
    expect(studentEligibility({ fullTimeStudent: true, otherCover: 'none' })).toEqual({ ok: true });
  });
  it('refuses with the reason', () => {
    const part = studentEligibility({ fullTimeStudent: false, otherCover: 'none' });
    expect(part).toMatchObject({ ok: false, clause: 'S-1.1' });
    if (!part.ok) expect(part.message).toContain('全日制');
    const covered = studentEligibility({ fullTimeStudent: true, otherCover: 'public_medical' });
    if (covered.ok) throw new Error('expected a refusal');
    expect(covered.message).toContain('公费医疗');
    expect(covered.message).toContain('public medical care');
  });
});

describe('S-1.2 / S-1.3 / S-1.4 file names', () => {
  it('S-1.2 attachment 1 is 【序号+姓名】个人参加城乡居民基本医疗保险信息登记表', () => {
    expect(attachment1FileName(7, ' 张三 ')).toBe(
      '【7张三】个人参加城乡居民基本医疗保险信息登记表',
    );
    expect(() => attachment1FileName(0, '张三')).toThrow(/序号/);
    expect(() => attachment1FileName(1, ' ')).toThrow(/姓名/);
  });
  it('S-1.3 attachment 2 is one PDF named 【序号+姓名】证明材料', () => {
    expect(attachment2FileName(12, '李四')).toBe('【12李四】证明材料.pdf');
  });
  it('S-1.4 the college summary table title', () => {
    expect(summaryTableTitle('计算机学院', 2025)).toBe(
      '【计算机学院】2025年北京市城乡居民基本医疗保险新参保信息汇总表',
    );
  });
  it('S-1.2/S-1.3 uploaded names are checked against the student', () => {
    const who = { seq: 12, name: '李四' };
    expect(checkAttachmentName('【12李四】证明材料.pdf', who)).toEqual({
      ok: true,
      attachment: 2,
      seq: 12,
      name: '李四',
    });
    expect(
      checkAttachmentName('【12李四】个人参加城乡居民基本医疗保险信息登记表.xlsx', who),
    ).toMatchObject({ ok: true, attachment: 1 });
    expect(checkAttachmentName('【12李四】证明材料.jpg', who)).toMatchObject({
      ok: false,
      clause: 'S-1.3',
    });
    expect(checkAttachmentName('【13李四】证明材料.pdf', who)).toMatchObject({
      ok: false,
      clause: 'S-1.3',
    });
    expect(checkAttachmentName('李四证明材料.pdf', who)).toMatchObject({
      ok: false,
      clause: 'S-1.2',
    });
  });
});

describe('S-1.3 evidence required by ID kind', () => {
  it('both sides of the document for each kind, plus the deferral proof for deferred students', () => {
    expect(evidenceRequired('resident', false).map((e) => e.key)).toEqual([
      'resident_id_front',
      'resident_id_back',
    ]);
    expect(evidenceRequired('hk_mo_tw_permit', false)[0]?.zh).toContain('居住证');
    expect(evidenceRequired('hk_mo_travel_permit', false)[0]?.zh).toContain('通行证');
    expect(evidenceRequired('foreign_permanent', true).map((e) => e.key)).toEqual([
      'foreign_permanent_front',
      'foreign_permanent_back',
      'deferral_proof',
    ]);
  });
});

describe('S-1.5 / S-1.6 submission checklist and progress', () => {
  it('S-1.5 the checklist lists attachments 1–3 and what is missing', () => {
    const partial = submissionChecklist({ attachment1: true, attachment2: true });
    expect(partial.complete).toBe(false);
    expect(partial.items.filter((i) => !i.done).map((i) => i.key)).toEqual(['attachment3']);
    expect(
      submissionChecklist({ attachment1: true, attachment2: true, attachment3: true }).complete,
    ).toBe(true);
  });

  it('S-1.6 registered → submitted → reviewed → paid → photo or e-voucher', () => {
    expect(
      transitionStudent('registered', {
        type: 'submit',
        checklistComplete: false,
        eligibility: { ok: true },
      }),
    ).toMatchObject({
      ok: false,
      clause: 'S-1.5',
    });
    expect(
      transitionStudent('registered', {
        type: 'submit',
        checklistComplete: true,
        eligibility: { ok: true },
      }),
    ).toEqual({ ok: true, to: 'submitted' });
    expect(transitionStudent('submitted', { type: 'review' })).toEqual({
      ok: true,
      to: 'reviewed',
    });
    expect(transitionStudent('submitted', { type: 'pay', paymentAllowed: { ok: true } }).ok).toBe(
      false,
    );
    const refused = { ok: false, clause: 'S-2.2a', message: 'x' } as const;
    expect(transitionStudent('reviewed', { type: 'pay', paymentAllowed: refused })).toBe(refused);
    expect(transitionStudent('reviewed', { type: 'pay', paymentAllowed: { ok: true } })).toEqual({
      ok: true,
      to: 'paid',
    });
    expect(transitionStudent('paid', { type: 'record_photo', proxyHandling: true })).toMatchObject({
      ok: false,
      clause: 'S-1.6',
    });
    expect(transitionStudent('paid', { type: 'record_photo', proxyHandling: false })).toEqual({
      ok: true,
      to: 'photo_recorded',
    });
    expect(transitionStudent('paid', { type: 'choose_e_voucher' })).toEqual({
      ok: true,
      to: 'e_voucher',
    });
    expect(transitionStudent('e_voucher', { type: 'record_photo', proxyHandling: false }).ok).toBe(
      false,
    );
  });
});

describe('S-2.4 payment channels and S-4 help lines', () => {
  it('S-2.4 the five channels, 京通 recommended', () => {
    expect(PAYMENT_CHANNELS).toHaveLength(5);
    expect(PAYMENT_CHANNEL_LABELS.jingtong_mini_program.zh).toContain('推荐');
    expect(PAYMENT_CHANNEL_LABELS.bank_counter.zh).toContain('代办人');
  });
  it('S-4 12333, 12366 and 4007112366', () => {
    expect([
      HELP_LINES.insurance.number,
      HELP_LINES.tax.number,
      HELP_LINES.etaxSupport.number,
    ]).toEqual(['12333', '12366', '4007112366']);
  });
});

describe('S-1.1 / S-1.5 an ineligible student moves nowhere', () => {
  const ineligible = studentEligibility({ fullTimeStudent: true, otherCover: 'public_medical' });

  it('S-1.1 submit is refused with the eligibility reason, even with every attachment', () => {
    const r = transitionStudent('registered', {
      type: 'submit',
      checklistComplete: true,
      eligibility: ineligible,
    });
    expect(r).toEqual(ineligible);
    expect(r).toMatchObject({ ok: false, clause: 'S-1.1' });
  });

  it('S-1.1 attachments are refused with the reason; S-1.5 after submission they are locked', () => {
    expect(attachmentChangeAllowed('registered', ineligible)).toEqual(ineligible);
    expect(attachmentChangeAllowed('registered', { ok: true })).toEqual({ ok: true });
    const locked = attachmentChangeAllowed('submitted', { ok: true });
    expect(locked).toMatchObject({ ok: false, clause: 'S-1.5' });
    if (!locked.ok) expect(locked.message).toContain('不能再更换附件');
    expect(registrationFormAllowed(ineligible)).toEqual(ineligible);
    expect(registrationFormAllowed({ ok: true })).toEqual({ ok: true });
  });
});

describe('S-1.4 / S-1.5 attachment 3 counts only when the summary is newer than the data', () => {
  const changed = '2025-09-20T10:00:00+08:00';
  it('no summary yet, or an ineligible student: not done', () => {
    expect(
      summaryRowCurrent({
        eligible: true,
        summaryExportedAt: null,
        registrationChangedAt: changed,
      }),
    ).toBe(false);
    expect(
      summaryRowCurrent({
        eligible: false,
        summaryExportedAt: '2025-09-21T10:00:00+08:00',
        registrationChangedAt: changed,
      }),
    ).toBe(false);
  });
  it('a summary produced at or after the last change is done; an older one is stale', () => {
    expect(
      summaryRowCurrent({
        eligible: true,
        summaryExportedAt: new Date('2025-09-20T02:00:00Z'),
        registrationChangedAt: changed,
      }),
    ).toBe(true);
    expect(
      summaryRowCurrent({
        eligible: true,
        summaryExportedAt: '2025-09-20T09:59:59+08:00',
        registrationChangedAt: changed,
      }),
    ).toBe(false);
  });
});

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('S-1.2 / S-1.3 attachment file types', () => {
  it('S-1.2 attachment 1 may be PDF, Word or Excel; S-1.3 attachment 2 only PDF', () => {
    expect(
      attachmentFileType(1, '【1张三】个人参加城乡居民基本医疗保险信息登记表.XLSX')?.label,
    ).toBe('Excel');
    expect(attachmentFileType(1, 'form.doc')?.contentType).toBe('application/msword');
    expect(attachmentFileType(1, 'form.txt')).toBeUndefined();
    expect(attachmentFileType(2, 'scan.pdf')?.contentType).toBe('application/pdf');
    expect(attachmentFileType(2, 'scan.docx')).toBeUndefined();
    expect(attachmentFileType(2, 'pdf')).toBeUndefined();
    expect(attachmentAccept(1)).toBe('.pdf,.docx,.xlsx,.doc,.xls');
    expect(attachmentAccept(2)).toBe('.pdf');
    expect(attachmentTypeMessage(1)).toContain('附件1应为PDF、Word');
  });

  it('the content must start with the type’s magic bytes', () => {
    const pdf = attachmentFileType(2, 'a.pdf');
    if (!pdf) throw new Error('no pdf type');
    expect(hasMagicBytes(ascii('%PDF-1.7\n'), pdf)).toBe(true);
    expect(
      hasMagicBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pdf),
    ).toBe(false);
    expect(hasMagicBytes(ascii('%PD'), pdf)).toBe(false);
    const docx = attachmentFileType(1, 'a.docx');
    if (!docx) throw new Error('no docx type');
    expect(hasMagicBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), docx)).toBe(true);
    expect(attachmentContentMessage(docx)).toContain('不是Word文件');
    expect(ATTACHMENT_MAGIC_BYTES).toBe(8);
  });
});

describe('S-1.2 one registration per ID number per year', () => {
  it('the key is the year and the normalised ID number', () => {
    expect(studentRegistrationKey(2025, '11010520060501001x')).toBe('2025:11010520060501001X');
    expect(studentRegistrationKey(2025, '１１０１０５ 2006-0501001X')).toBe(
      '2025:11010520060501001X',
    );
    expect(studentRegistrationKey(2026, '11010520060501001X')).not.toBe(
      studentRegistrationKey(2025, '11010520060501001X'),
    );
  });
  it('repeats within a set point at the first row with the key', () => {
    const repeats = repeatedRegistrations(2025, [
      { idNumber: 'A1' },
      { idNumber: 'B2' },
      { idNumber: 'a1' },
      { idNumber: 'B2' },
    ]);
    expect([...repeats]).toEqual([
      [2, 0],
      [3, 1],
    ]);
    expect(repeatedRegistrationMessage(0)).toContain('与第1条重复');
  });
});
