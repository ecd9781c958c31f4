import { describe, expect, it } from 'vitest';
import { studentEligibility } from './eligibility.js';
import { type StudentGuidanceInput, studentNextSteps } from './student-guidance.js';
import {
  nextBankDeductionDates,
  studentWithholding,
  withholdingOutlook,
} from './withholding-dates.js';

describe('S-2.2b next bank withholding dates', () => {
  it('the 15th of each month, moved to the next working day (2025-11-15 is a Saturday)', () => {
    expect(nextBankDeductionDates('2025-10-05')).toEqual(['2025-10-15', '2025-11-17']);
    expect(nextBankDeductionDates('2025-10-15', 3)).toEqual([
      '2025-10-15',
      '2025-11-17',
      '2025-12-15',
    ]);
    expect(nextBankDeductionDates('2025-10-16', 1)).toEqual(['2025-11-17']);
  });

  it('S-2.2b across the Spring Festival 2026 the 15th moves to 2026-02-24', () => {
    expect(nextBankDeductionDates('2026-02-01', 1)).toEqual(['2026-02-24']);
  });

  it('stops at the end of the loaded holiday calendar instead of guessing', () => {
    expect(nextBankDeductionDates('2026-12-16', 2)).toEqual([]);
    expect(nextBankDeductionDates('2026-11-20', 5)).toEqual(['2026-12-15']);
  });
});

describe('S-2.2b withholding dates inside the S-2.2a payment window', () => {
  it('before the window: the window’s own withholding date (2025-10-15)', () => {
    expect(withholdingOutlook('2025-09-20')).toMatchObject({
      clause: 'S-2.2b',
      state: 'scheduled',
      dates: ['2025-10-15'],
    });
    expect(withholdingOutlook('2025-09-20').zh).toContain('银行将于2025-10-15扣款');
  });
  it('inside the window, up to and on the 15th: 2025-10-15; never 2025-11-17, which the window refuses', () => {
    expect(withholdingOutlook('2025-10-13').dates).toEqual(['2025-10-15']);
    expect(withholdingOutlook('2025-10-15').dates).toEqual(['2025-10-15']);
  });
  it('inside the window after the 15th: none left, pay another way by 2025-10-20', () => {
    const outlook = withholdingOutlook('2025-10-16');
    expect(outlook).toMatchObject({ state: 'none_left', dates: [] });
    expect(outlook.zh).toBe(
      '缴费期内已无银行批量扣款日，请于2025-10-20前的工作日09:00-15:00通过其他方式缴费',
    );
    expect(withholdingOutlook('2025-10-20').state).toBe('none_left');
  });
  it('after the window: closed', () => {
    const outlook = withholdingOutlook('2025-10-21');
    expect(outlook).toMatchObject({ state: 'closed', dates: [] });
    expect(outlook.zh).toContain('缴费期（2025-10-05至2025-10-20）已结束');
    expect(outlook.en).toContain('closed');
  });
  it('shown only to a reviewed student who has not paid', () => {
    expect(studentWithholding('reviewed', '2025-10-13')?.dates).toEqual(['2025-10-15']);
    for (const status of [
      'registered',
      'submitted',
      'paid',
      'photo_recorded',
      'e_voucher',
    ] as const) {
      expect(studentWithholding(status, '2025-10-13')).toBeNull();
    }
  });
});

const base: StudentGuidanceInput = {
  status: 'registered',
  seq: 3,
  name: '王五',
  idKind: 'resident',
  deferred: true,
  eligibility: { ok: true },
  done: {},
  institutionsChosen: false,
};

describe('S-1.1 … S-3.1 next steps with S-4 help lines', () => {
  it('S-1.1 an ineligible student is told why, with 12333', () => {
    const refused = studentEligibility({ fullTimeStudent: true, otherCover: 'employee_medical' });
    const steps = studentNextSteps({ ...base, eligibility: refused });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ clause: 'S-1.1' });
    expect(steps[0]?.zh).toBe('不符合参保条件：已享受职工医保，不能重复参加城乡居民基本医疗保险');
    expect(steps[0]?.en).toContain('employee medical insurance');
    expect(steps[0]?.helpLines.map((h) => h.number)).toEqual(['12333']);
  });

  it('S-1.2 / S-1.3 / S-1.4 names the missing attachments, the file names and the evidence', () => {
    const steps = studentNextSteps(base);
    expect(steps.map((s) => s.clause)).toEqual(['S-1.2', 'S-1.3', 'S-1.4']);
    expect(steps[0]?.zh).toContain('【3王五】个人参加城乡居民基本医疗保险信息登记表');
    expect(steps[1]?.zh).toContain('【3王五】证明材料.pdf');
    expect(steps[1]?.zh).toContain('最新延期证明');
  });

  it('S-1.5 all three present → submit to the college', () => {
    const steps = studentNextSteps({
      ...base,
      done: { attachment1: true, attachment2: true, attachment3: true },
    });
    expect(steps.map((s) => s.clause)).toEqual(['S-1.5']);
  });

  it('S-2.1 / S-2.2a / S-2.4 a reviewed student pays 405 元 in the window, with 12366 and 4007112366', () => {
    const steps = studentNextSteps({ ...base, status: 'reviewed' });
    expect(steps.map((s) => s.clause)).toEqual(['S-2.2a', 'S-3.1']);
    expect(steps[0]?.zh).toContain(
      '2025-10-05至2025-10-20期间的工作日09:00-15:00（北京时间）缴费405元',
    );
    expect(steps[0]?.zh).toContain('京通小程序（推荐）');
    expect(steps[0]?.helpLines.map((h) => h.number)).toEqual(['12366', '4007112366']);
  });

  it('S-1.6 a paid student records a photo ("no" to proxy) or uses the e-voucher; S-3.1 once chosen it is gone', () => {
    const paid = studentNextSteps({ ...base, status: 'paid', institutionsChosen: true });
    expect(paid.map((s) => s.clause)).toEqual(['S-1.6']);
    expect(paid[0]?.zh).toContain('选择“否”');
    expect(studentNextSteps({ ...base, status: 'e_voucher', institutionsChosen: true })).toEqual(
      [],
    );
  });
});
