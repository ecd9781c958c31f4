import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.js';
import {
  collegeSchema,
  studentInstitutionsSchema,
  studentPaymentSchema,
  studentPhotoSchema,
} from './student-progress.schema.js';

/** The student flow's request bodies: one definition for the API and the admin's forms. */
describe('student flow bodies', () => {
  it('S-2.4 / S-2.2a a payment: one of the five channels, an instant with its offset', () => {
    expect(
      studentPaymentSchema.parse({ channel: 'bank_app', paidAt: '2025-10-11T10:00:00+08:00' }),
    ).toEqual({ channel: 'bank_app', paidAt: '2025-10-11T10:00:00+08:00' });
    const bad = studentPaymentSchema.safeParse({ channel: 'cash', paidAt: '2025-10-11T10:00:00' });
    if (bad.success) throw new Error('expected a refusal');
    const fields = fieldErrors(bad.error);
    expect(fields.channel).toContain('jingtong_mini_program');
    expect(fields.paidAt).toContain('带时区');
    expect(studentPaymentSchema.safeParse({ channel: 'bank_app', amountYuan: 40.5 }).success).toBe(
      false,
    );
  });

  it('S-1.6 the photo says whether it is proxy handling', () => {
    expect(studentPhotoSchema.parse({ proxyHandling: false })).toEqual({ proxyHandling: false });
    expect(studentPhotoSchema.safeParse({}).success).toBe(false);
  });

  it('S-3.1 institutions: up to 10 choices of code and kind', () => {
    const one = { code: 'HD-001', kind: 'general' };
    expect(
      studentInstitutionsSchema.parse({ designatedInstitutions: [one] }).designatedInstitutions,
    ).toEqual([one]);
    expect(
      studentInstitutionsSchema.safeParse({ designatedInstitutions: Array(11).fill(one) }).success,
    ).toBe(false);
    expect(
      studentInstitutionsSchema.safeParse({ designatedInstitutions: [{ code: '', kind: 'x' }] })
        .success,
    ).toBe(false);
  });

  it('a college: name and registration code (normalised)', () => {
    expect(collegeSchema.parse({ name: ' 法学院 ', registrationCode: 'ab-123456' })).toEqual({
      name: '法学院',
      registrationCode: 'AB123456',
    });
  });
});
