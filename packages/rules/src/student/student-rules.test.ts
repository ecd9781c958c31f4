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
import { submissionChecklist, transitionStudent } from './student-progress.js';

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
      transitionStudent('registered', { type: 'submit', checklistComplete: false }),
    ).toMatchObject({
      ok: false,
      clause: 'S-1.5',
    });
    expect(transitionStudent('registered', { type: 'submit', checklistComplete: true })).toEqual({
      ok: true,
      to: 'submitted',
    });
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
