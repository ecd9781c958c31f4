import { describe, expect, it } from 'vitest';
import {
  bulkSignRequestSchema,
  dispatchRequestSchema,
  pickupRequestSchema,
  receiverRequestSchema,
  returnRequestSchema,
  signRequestSchema,
} from './distribution-requests.schema.js';
import { auditFilterSchema } from './audit-filter.schema.js';
import { fieldErrors } from './fields.js';
import {
  categoryChangeRequestSchema,
  closeCertificateRequestSchema,
  createResidentRequestSchema,
  institutionsRequestSchema,
} from './resident-requests.schema.js';

const CARD_A = '7A6B5C4D-0000-4000-8000-0000000000C1';
const CARD_B = '7a6b5c4d-0000-4000-8000-0000000000c2';

function errorsOf(result: {
  success: boolean;
  error?: Parameters<typeof fieldErrors>[0];
}): Record<string, string> {
  if (result.success || !result.error) throw new Error('expected a validation error');
  return fieldErrors(result.error);
}

describe('distribution request bodies (shared by the API and the admin)', () => {
  it('N-2.2b a dispatch names the pickup place and a valid deadline', () => {
    expect(
      dispatchRequestSchema.parse({ pickupPlace: ' 发卡大厅 ', pickupDeadline: '2011-01-14' }),
    ).toEqual({ pickupPlace: '发卡大厅', pickupDeadline: '2011-01-14' });
    const errors = errorsOf(
      dispatchRequestSchema.safeParse({ pickupPlace: '', pickupDeadline: '2011-1-14' }),
    );
    expect(errors.pickupPlace).toBe('领取地点不能为空 / Pickup place is required');
    expect(errors.pickupDeadline).toContain('YYYY-MM-DD');
  });

  it('N-2.2a a receiver has a name and a phone number', () => {
    expect(receiverRequestSchema.parse({ name: '李老师', phone: '138 0000 0001' }).phone).toBe(
      '13800000001',
    );
    expect(errorsOf(receiverRequestSchema.safeParse({ name: '李', phone: 'abc' })).phone).toContain(
      '电话号码格式不正确',
    );
  });

  it('N-2.2b / N-2.3 event dates may be left to the business date', () => {
    const pickup = {
      credentialKind: 'registration_certificate',
      credentialCode: '11010510003',
      collectorName: '王老师',
    };
    expect(pickupRequestSchema.safeParse(pickup).success).toBe(true);
    expect(signRequestSchema.safeParse({ signer: 'self', signerName: '王小明' }).success).toBe(
      true,
    );
    expect(
      errorsOf(signRequestSchema.safeParse({ signer: 'self', signerName: '王', signedOn: 'x' }))
        .signedOn,
    ).toContain('签收日期');
  });

  it('N-2.3 a bulk signing takes card ids once each, lower-cased', () => {
    const parsed = bulkSignRequestSchema.parse({
      signatures: [{ cardId: CARD_A, signer: 'proxy', signerName: '周园长' }],
    });
    expect(parsed.signatures[0]?.cardId).toBe(CARD_A.toLowerCase());
    const errors = errorsOf(
      bulkSignRequestSchema.safeParse({
        signatures: [
          { cardId: CARD_B, signer: 'self', signerName: '甲' },
          { cardId: CARD_B, signer: 'self', signerName: '乙' },
          { cardId: 'not-an-id', signer: 'self', signerName: '丙' },
        ],
      }),
    );
    expect(errors['signatures.1.cardId']).toContain('重复');
    expect(errors['signatures.2.cardId']).toContain('编号格式无效');
    expect(errorsOf(bulkSignRequestSchema.safeParse({ signatures: [] })).signatures).toContain(
      '至少签收一张',
    );
  });

  it('N-2.4c a return brings the first copy and each card once', () => {
    expect(
      returnRequestSchema.safeParse({ firstCopyReturned: true, cardIds: [CARD_A] }).success,
    ).toBe(true);
    const errors = errorsOf(
      returnRequestSchema.safeParse({ firstCopyReturned: false, cardIds: [CARD_B, CARD_B] }),
    );
    expect(errors.firstCopyReturned).toContain('第一联');
    expect(errors['cardIds.1']).toContain('重复');
  });
});

describe('resident request bodies (shared by the API and the admin)', () => {
  const person = {
    name: '赵建国',
    idKind: 'resident',
    idNumber: '11010519491231002X',
    birthDate: '1949-12-31',
    category: 'elderly',
  };

  it('S-1.3 a new resident needs a valid ID number and a unit id', () => {
    const errors = errorsOf(
      createResidentRequestSchema.safeParse({ ...person, currentUnitId: 'school' }),
    );
    expect(errors.currentUnitId).toBe(
      '当前参保单位编号格式无效 / Current unit id is not a valid id',
    );
    expect(
      createResidentRequestSchema.safeParse({ ...person, currentUnitId: CARD_A }).success,
    ).toBe(true);
    expect(errorsOf(createResidentRequestSchema.safeParse(person)).currentUnitId).toBe(
      '当前参保单位不能为空 / Current unit is required',
    );
  });

  it('N-1.6 at most ten designated institutions, each with a code and a kind', () => {
    expect(
      errorsOf(
        institutionsRequestSchema.safeParse({
          designatedInstitutions: [{ code: '', kind: 'community_health' }],
        }),
      )['designatedInstitutions.0.code'],
    ).toContain('医疗机构编码不能为空');
  });

  it('N-2.5 / N-1.5 a category change names the new category; dates are optional', () => {
    expect(categoryChangeRequestSchema.safeParse({ to: 'elderly', policyYear: 2011 }).success).toBe(
      true,
    );
    expect(
      errorsOf(categoryChangeRequestSchema.safeParse({ to: 'pensioner', policyYear: 2011 })).to,
    ).toContain('新人员类别无效');
    expect(
      errorsOf(closeCertificateRequestSchema.safeParse({ closedOn: '2011-02-30' })).closedOn,
    ).toContain('证明终止日期');
  });
});

describe('audit log filters (shared by the API and the admin)', () => {
  it('a day range in Beijing time: valid days, the end not before the start', () => {
    expect(auditFilterSchema.safeParse({ from: '2011-01-10', to: '2011-01-10' }).success).toBe(
      true,
    );
    expect(errorsOf(auditFilterSchema.safeParse({ from: '2011-01-11', to: '2011-01-10' })).to).toBe(
      '截止日期不能早于起始日期 / The to date cannot be before the from date',
    );
    expect(errorsOf(auditFilterSchema.safeParse({ from: '2011-02-30' })).from).toContain(
      '起始日期',
    );
    expect(errorsOf(auditFilterSchema.safeParse({ entity: ' ' })).entity).toContain('不能为空');
  });
});
