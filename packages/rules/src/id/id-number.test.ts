import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateFromIdNumber,
  genderFromIdNumber,
  mod112CheckDigit,
  validateIdNumber,
} from './id-number.js';

const TODAY = '2025-06-30';
const opts = { today: TODAY };
const withCheck = (body: string): string => body + mod112CheckDigit(body);
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45]
  .concat([46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65])
  .map(String);

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const birthDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date(`${TODAY}T00:00:00Z`),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const residentBody = fc
  .tuple(fc.constantFrom(...PROVINCES), digits(4), birthDate, digits(3))
  .map((parts) => parts.join(''));

describe('S-1.3 mod112CheckDigit (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('S-1.3 matches independently computed check characters', () => {
    expect(mod112CheckDigit('11010519491231002')).toBe('X');
    expect(mod112CheckDigit('81000019900101001')).toBe('9');
    expect(mod112CheckDigit('91115619900101001')).toBe('0');
  });

  it('S-1.3 refuses anything but 17 digits', () => {
    expect(() => mod112CheckDigit('1101051949123100')).toThrow(/17/);
    expect(() => mod112CheckDigit('1101051949123100A')).toThrow(/17/);
  });
});

describe('S-1.3 resident ID numbers (GB 11643 MOD 11-2)', () => {
  it('S-1.3 accepts the classic valid sample and reports its birth date', () => {
    const r = validateIdNumber('resident', '11010519491231002X', opts);
    expect(r).toMatchObject({
      valid: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
    });
    expect(r.reason).toBeUndefined();
    expect(birthDateFromIdNumber('resident', '11010519491231002X')).toBe('1949-12-31');
  });

  it('S-1.3 names the expected digit on a check digit mismatch', () => {
    const r = validateIdNumber('resident', '110105194912310021', opts);
    expect(r.valid).toBe(false);
    expect(r.reason).toBe('校验码错误（应为 X） / Check digit mismatch (expected X)');
    expect(birthDateFromIdNumber('resident', '110105194912310021')).toBeUndefined();
  });

  it('S-1.3 accepts full-width digits and stray spaces', () => {
    const r = validateIdNumber('resident', ' １１０１０５ １９４９１２３１\u3000００２ｘ ', opts);
    expect(r).toMatchObject({ valid: true, normalised: '11010519491231002X' });
  });

  it('S-1.3 Feb 29 is real only in leap years (2000 and 2024 yes, 1900 and 2023 no)', () => {
    for (const y of ['2000', '2024']) {
      expect(validateIdNumber('resident', withCheck(`110101${y}0229123`), opts).valid).toBe(true);
    }
    for (const y of ['1900', '2023']) {
      const r = validateIdNumber('resident', withCheck(`110101${y}0229123`), opts);
      expect(r.valid).toBe(false);
      expect(r.reason).toContain(`出生日期 ${y}0229 不是有效日期`);
      expect(r.reason).toContain('not a real date');
    }
  });

  it('S-1.3 refuses a birth date after today or before 1900-01-01', () => {
    const future = validateIdNumber('resident', withCheck('11010120200102123'), {
      today: '2020-01-01',
    });
    expect(future.valid).toBe(false);
    expect(future.reason).toContain('in the future');
    expect(
      validateIdNumber('resident', withCheck('11010120200101123'), { today: '2020-01-01' }).valid,
    ).toBe(true);
    const early = validateIdNumber('resident', withCheck('11010118991231123'), opts);
    expect(early.reason).toContain('before 1900-01-01');
    expect(validateIdNumber('resident', withCheck('11010119000101123'), opts).valid).toBe(true);
  });

  it('S-1.3 reports length, format and unknown area code', () => {
    expect(validateIdNumber('resident', '11010519491231002', opts).reason).toContain('got 17');
    expect(validateIdNumber('resident', '1101051949123100Y2', opts).reason).toContain(
      'Invalid format',
    );
    expect(validateIdNumber('resident', withCheck('99010119900101123'), opts).reason).toContain(
      'Unknown area code 99',
    );
    expect(validateIdNumber('resident', '', opts).reason).toContain('required');
  });

  it('S-1.3 refuses 810000/820000/830000 numbers with the residence permit hint', () => {
    for (const p of ['810000', '820000', '830000']) {
      const r = validateIdNumber('resident', withCheck(`${p}19900101001`), opts);
      expect(r.valid).toBe(false);
      expect(r.reason).toBe(
        '这是港澳台居民居住证号码 / This is a Hong Kong/Macao/Taiwan residence permit number',
      );
    }
  });

  it('S-1.3 refuses 71/81/82/83/91 area prefixes with a specific reason', () => {
    for (const [area, place] of [
      ['71', 'Taiwan'],
      ['81', 'Hong Kong'],
      ['82', 'Macao'],
      ['83', 'Taiwan'],
      ['91', 'foreign'],
    ]) {
      const r = validateIdNumber('resident', withCheck(`${area}010119900101001`), opts);
      expect(r.valid).toBe(false);
      expect(r.reason).toContain(`Area code ${area} (${place}`);
    }
    expect(validateIdNumber('resident', '911156199001010010', opts).reason).toContain(
      '这是外国人永久居留身份证号码',
    );
  });

  it('S-1.3 property: the computed check digit is the only final character accepted', () => {
    fc.assert(
      fc.property(residentBody, (body) => {
        const good = mod112CheckDigit(body);
        expect(validateIdNumber('resident', body + good, opts).valid).toBe(true);
        for (const c of '0123456789X'.replace(good, '')) {
          const r = validateIdNumber('resident', body + c, opts);
          expect(r.valid).toBe(false);
          expect(r.reason).toContain(`expected ${good}`);
        }
      }),
    );
  });
});

describe('S-1.3 Hong Kong/Macao/Taiwan residence permits', () => {
  it('S-1.3 accepts 810000, 820000 and 830000 and refuses 840000', () => {
    for (const id of ['810000199001010019', '820000199001010010', '830000199001010012']) {
      expect(validateIdNumber('hk_mo_tw_permit', id, opts)).toMatchObject({
        valid: true,
        birthDate: '1990-01-01',
      });
    }
    const r = validateIdNumber('hk_mo_tw_permit', withCheck('84000019900101001'), opts);
    expect(r.valid).toBe(false);
    expect(r.reason).toContain('810000');
  });

  it('S-1.3 checks the birth date and check digit', () => {
    expect(validateIdNumber('hk_mo_tw_permit', withCheck('81000019900230001'), opts).valid).toBe(
      false,
    );
    expect(validateIdNumber('hk_mo_tw_permit', '810000199001010010', opts).reason).toContain(
      'expected 9',
    );
  });

  it('S-1.3 says so when given a resident ID number', () => {
    expect(validateIdNumber('hk_mo_tw_permit', '11010519491231002X', opts).reason).toBe(
      '这是居民身份证号码 / This is a resident ID card number',
    );
  });
});

describe('S-1.3 Mainland Travel Permits for Hong Kong and Macao residents', () => {
  it('S-1.3 accepts H + 8 digits and M + 10 digits, with no birth date', () => {
    expect(validateIdNumber('hk_mo_travel_permit', 'H12345678', opts)).toEqual({
      valid: true,
      normalised: 'H12345678',
    });
    expect(validateIdNumber('hk_mo_travel_permit', 'm1234567801', opts).valid).toBe(true);
    expect(birthDateFromIdNumber('hk_mo_travel_permit', 'H12345678')).toBeUndefined();
  });

  it('S-1.3 refuses a wrong digit count or initial letter', () => {
    expect(validateIdNumber('hk_mo_travel_permit', 'H1234567', opts).reason).toContain('8 digits');
    expect(validateIdNumber('hk_mo_travel_permit', 'H123456789', opts).valid).toBe(false);
    expect(validateIdNumber('hk_mo_travel_permit', 'X12345678', opts).reason).toContain(
      'start with H',
    );
    expect(validateIdNumber('resident', 'H12345678', opts).reason).toContain(
      '这是港澳居民来往内地通行证号码',
    );
  });
});

describe('S-1.3 Foreign Permanent Resident ID Cards', () => {
  const foreign = withCheck('91115619900101001');

  it('S-1.3 accepts the 2023 format and refuses any single-character change', () => {
    expect(foreign).toBe('911156199001010010');
    expect(validateIdNumber('foreign_permanent', foreign, opts)).toMatchObject({
      valid: true,
      birthDate: '1990-01-01',
    });
    expect(validateIdNumber('foreign_permanent', '911156199001010020', opts).reason).toContain(
      'expected 9',
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (at, c) => {
        fc.pre(foreign.charAt(at) !== c);
        const changed = foreign.slice(0, at) + c + foreign.slice(at + 1);
        expect(validateIdNumber('foreign_permanent', changed, opts).valid).toBe(false);
      }),
    );
  });

  it('S-1.3 refuses a bad province or country code in the 2023 format', () => {
    expect(
      validateIdNumber('foreign_permanent', withCheck('99915619900101001'), opts).reason,
    ).toContain('Unknown area code 99');
    expect(
      validateIdNumber('foreign_permanent', withCheck('91100019900101001'), opts).reason,
    ).toContain('000');
  });

  it('S-1.3 accepts the old 15-character format with a real YYMMDD birth date', () => {
    expect(validateIdNumber('foreign_permanent', 'USA118503150011', opts)).toMatchObject({
      valid: true,
      birthDate: '1985-03-15',
    });
    expect(birthDateFromIdNumber('foreign_permanent', 'gbr311005010023')).toBe('2010-05-01');
  });

  it('S-1.3 refuses the old format with a bad structure, unreal or future birth date', () => {
    expect(validateIdNumber('foreign_permanent', 'USA118502300011', opts).reason).toContain(
      'not a real date',
    );
    expect(validateIdNumber('foreign_permanent', 'US1118503150011', opts).reason).toContain(
      '3-letter',
    );
    expect(validateIdNumber('foreign_permanent', 'USA11850315001', opts).reason).toContain(
      'got 14',
    );
    expect(validateIdNumber('foreign_permanent', 'USA112512310011', opts).reason).toContain(
      'in the future',
    );
  });
});

describe('S-1.3 gender encoded in 18-digit numbers', () => {
  it('the 17th digit is odd for men and even for women; other kinds do not encode it', () => {
    expect(genderFromIdNumber('resident', '11010519491231002X')).toBe('female');
    const body = '11010520000101001';
    expect(genderFromIdNumber('resident', body + mod112CheckDigit(body))).toBe('male');
    expect(genderFromIdNumber('resident', '110105194912310021')).toBeUndefined();
    expect(genderFromIdNumber('hk_mo_travel_permit', 'H12345678')).toBeUndefined();
  });
});
