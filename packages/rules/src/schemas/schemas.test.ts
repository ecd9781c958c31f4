import { describe, expect, it } from 'vitest';
import { enrolmentSchema, paymentSchema } from './enrolment.schema.js';
import { fieldErrors } from './fields.js';
import { personSchema, subsidyVerificationSchema } from './person.schema.js';
import {
  pickupSchema,
  reissueApplicationSchema,
  returnSchema,
  signatureSchema,
  vendorCardSchema,
} from './card.schema.js';
import { studentRegistrationSchema } from './student-registration.schema.js';
import { unitSchema } from './unit.schema.js';

const ID = '11010519491231002X';
const person = {
  name: '张三',
  idKind: 'resident',
  idNumber: ID,
  birthDate: '1949-12-31',
  category: 'elderly',
} as const;

function errorsOf(result: {
  success: boolean;
  error?: Parameters<typeof fieldErrors>[0];
}): Record<string, string> {
  if (result.success || !result.error) throw new Error('expected a validation error');
  return fieldErrors(result.error);
}

describe('person schema (S-1.3 ID numbers, N-1.4b flags)', () => {
  it('normalises full-width digits and stray spaces in the ID number', () => {
    const parsed = personSchema.parse({
      ...person,
      idNumber: ' １１０１０５ １９４９１２３１００２ｘ ',
    });
    expect(parsed.idNumber).toBe(ID);
    expect(parsed.subsidyFlags).toEqual([]);
  });

  it('reports each bad field in Chinese with English alongside', () => {
    const errors = errorsOf(
      personSchema.safeParse({
        ...person,
        name: ' ',
        idNumber: '110105194912310021',
        category: 'teacher',
      }),
    );
    expect(errors.name).toBe('姓名不能为空 / Name is required');
    expect(errors.idNumber).toContain('校验码');
    expect(errors.category).toContain('人员类别无效');
    expect(errors.category).toContain('Category must be one of');
  });

  it('the birth date must match the ID number', () => {
    expect(
      errorsOf(personSchema.safeParse({ ...person, birthDate: '1950-01-01' })).birthDate,
    ).toContain('1949-12-31');
  });

  it('N-2.3 the class (班级) is optional, trimmed, and at most 50 characters', () => {
    expect(personSchema.parse(person).className).toBeUndefined();
    expect(personSchema.parse({ ...person, className: ' 一年级一班 ' }).className).toBe(
      '一年级一班',
    );
    expect(errorsOf(personSchema.safeParse({ ...person, className: ' ' })).className).toBe(
      '班级不能为空 / Class is required',
    );
    expect(
      errorsOf(personSchema.safeParse({ ...person, className: '班'.repeat(51) })).className,
    ).toBe('班级不能超过50个字符 / Class must be at most 50 characters');
  });

  it('N-1.4b duplicate subsidy flags are refused', () => {
    const flags = ['severely_disabled_elderly', 'severely_disabled_elderly'];
    expect(
      errorsOf(personSchema.safeParse({ ...person, subsidyFlags: flags })).subsidyFlags,
    ).toContain('重复');
  });

  it('N-1.4a a verification records who acted', () => {
    const v = {
      policyYear: 2011,
      flag: 'minimum_living_allowance',
      passed: true,
      evidence: '低保证',
      verifiedOn: '2010-12-05',
    };
    expect(subsidyVerificationSchema.safeParse({ ...v, actedBy: 'guardian' }).success).toBe(true);
    expect(
      errorsOf(subsidyVerificationSchema.safeParse({ ...v, actedBy: 'neighbour' })).actedBy,
    ).toContain('办理人');
  });
});

describe('unit schema (N-2.2b registration code)', () => {
  const unit = {
    name: '朝阳区实验小学',
    kind: 'school',
    registrationCode: ' 1101 0500-123 ',
    districtCode: '110105',
  };
  it('normalises the registration code', () => {
    expect(unitSchema.parse(unit).registrationCode).toBe('1101050012' + '3');
  });
  it('refuses an unknown district and a bad code', () => {
    const errors = errorsOf(
      unitSchema.safeParse({ ...unit, districtCode: '120101', registrationCode: '12' }),
    );
    expect(Object.keys(errors).sort()).toEqual(['districtCode', 'registrationCode']);
  });
});

describe('enrolment and payment schemas (N-1.3b–d)', () => {
  it('N-1.3c/N-1.3d bank withholding needs the account kind', () => {
    const e = {
      policyYear: 2011,
      category: 'student_child',
      enrolledOn: '2010-12-02',
      paymentMethod: 'bank_withholding',
    };
    expect(errorsOf(enrolmentSchema.safeParse(e)).depositAccount).toContain('京卡');
    expect(enrolmentSchema.safeParse({ ...e, depositAccount: 'jingka' }).success).toBe(true);
    expect(enrolmentSchema.safeParse({ ...e, paymentMethod: 'cash' }).success).toBe(true);
  });
  it('N-1.3a money is whole 元', () => {
    const p = { policyYear: 2011, paidOn: '2010-12-02', method: 'cash' };
    expect(errorsOf(paymentSchema.safeParse({ ...p, amountYuan: 100.5 })).amountYuan).toContain(
      '整数',
    );
    expect(paymentSchema.safeParse({ ...p, amountYuan: 100 }).success).toBe(true);
  });
});

describe('card schemas (N-2.2b, N-2.3, N-2.4c, N-2.4d, N-2.6)', () => {
  const card = {
    holderName: '王小明',
    idKind: 'resident',
    idNumber: ID,
    madeForUnitCode: '11010500123',
  };
  it('N-2.6 a made card needs its number; a data problem needs its description', () => {
    expect(errorsOf(vendorCardSchema.safeParse({ ...card, state: 'made' })).cardNumber).toContain(
      '卡号',
    );
    expect(
      errorsOf(vendorCardSchema.safeParse({ ...card, state: 'not_made_data_problem' })).problem,
    ).toContain('问题');
    expect(
      vendorCardSchema.safeParse({ ...card, state: 'made', cardNumber: 'a1234567 8' }).success,
    ).toBe(true);
  });
  it('N-2.2b a pickup needs the credential code', () => {
    const p = {
      credentialKind: 'introduction_letter',
      credentialCode: ' ',
      collectorName: '赵',
      pickedUpOn: '2010-12-20',
    };
    expect(errorsOf(pickupSchema.safeParse(p)).credentialCode).toContain('登记证编码');
  });
  it('N-2.3 a signature is by the holder or a proxy', () => {
    expect(
      signatureSchema.safeParse({ signer: 'self', signerName: '王小明', signedOn: '2011-01-05' })
        .success,
    ).toBe(true);
    expect(
      errorsOf(
        signatureSchema.safeParse({ signer: 'teacher', signerName: '王', signedOn: '2011-01-05' }),
      ).signer,
    ).toBeDefined();
  });
  it('N-2.4c a return must bring the first copy and at least one card', () => {
    const errors = errorsOf(
      returnSchema.safeParse({ returnedOn: '2011-01-21', firstCopyReturned: false, cardIds: [] }),
    );
    expect(errors.firstCopyReturned).toContain('第一联');
    expect(errors.cardIds).toContain('至少');
  });
  it('N-2.4d a reissue application records both documents and checks the ID', () => {
    const r = {
      holderName: '王小明',
      idKind: 'resident',
      idNumber: ID,
      applicantName: '王大明',
      holderDocument: 'household_register',
      applicantDocument: 'resident_id_card',
      servicePointId: 'sp-1',
      appliedOn: '2011-03-02',
    };
    expect(reissueApplicationSchema.safeParse(r).success).toBe(true);
    expect(
      errorsOf(reissueApplicationSchema.safeParse({ ...r, idNumber: '110105194912310020' }))
        .idNumber,
    ).toBeDefined();
  });
});

describe('S-1.2 student registration (attachment 1 data)', () => {
  const s = {
    name: '陈同学',
    idKind: 'resident',
    idNumber: ID,
    gender: 'female',
    birthDate: '1949-12-31',
    nationalityOrRegion: '中国',
    phone: '138 0013 8000',
    college: '计算机学院',
    className: '2025级1班',
    studentNumber: '2025010101',
    studyStatus: 'enrolled',
    fullTimeStudent: true,
    otherCover: 'none',
    declaresNoOtherCover: true,
  } as const;
  it('accepts complete data and normalises the phone', () => {
    expect(studentRegistrationSchema.parse(s).phone).toBe('13800138000');
  });
  it('S-1.3 a travel permit is checked by its own kind', () => {
    expect(
      studentRegistrationSchema.safeParse({
        ...s,
        idKind: 'hk_mo_travel_permit',
        idNumber: 'H12345678',
      }).success,
    ).toBe(true);
    expect(
      errorsOf(studentRegistrationSchema.safeParse({ ...s, idKind: 'hk_mo_travel_permit' }))
        .idNumber,
    ).toBeDefined();
  });
  it('S-1.1 a declaration of no other cover that names one is contradictory', () => {
    const errors = errorsOf(
      studentRegistrationSchema.safeParse({ ...s, otherCover: 'employee_medical' }),
    );
    expect(errors.declaresNoOtherCover).toContain('声明无其他医疗保障');
  });
});

describe('S-1.2 the form must agree with the ID number', () => {
  it('a gender that contradicts the resident ID is refused', () => {
    const s = {
      name: '陈同学',
      idKind: 'resident',
      idNumber: ID,
      gender: 'male',
      birthDate: '1949-12-31',
      nationalityOrRegion: '中国',
      phone: '13800138000',
      college: '计算机学院',
      className: '1班',
      studentNumber: '2025010101',
      studyStatus: 'enrolled',
      fullTimeStudent: true,
      otherCover: 'none',
      declaresNoOtherCover: true,
    };
    expect(errorsOf(studentRegistrationSchema.safeParse(s)).gender).toBe(
      '性别与证件号码不符 / Gender does not match the ID number',
    );
  });
});
