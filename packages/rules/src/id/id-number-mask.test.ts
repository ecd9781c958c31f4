import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectIdKind, maskIdNumber, mod112CheckDigit } from './id-number.js';

const TODAY = '2025-06-30';
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

describe('S-1.3 detectIdKind', () => {
  it('S-1.3 recognises each layout', () => {
    expect(detectIdKind('11010519491231002X')).toBe('resident');
    expect(detectIdKind('830000199001010012')).toBe('hk_mo_tw_permit');
    expect(detectIdKind('M1234567801')).toBe('hk_mo_travel_permit');
    expect(detectIdKind('911156199001010010')).toBe('foreign_permanent');
    expect(detectIdKind('USA118503150011')).toBe('foreign_permanent');
    expect(detectIdKind('hello')).toBeUndefined();
  });
});

describe('S-1.3 maskIdNumber', () => {
  it('S-1.3 hides the birth date of every layout', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber(' １１０１０５１９４９１２３１００２ｘ')).toBe('110105********002X');
    expect(maskIdNumber('USA118503150011')).toBe('USA11******0011');
    expect(maskIdNumber('H12345678')).toBe('H****5678');
    expect(maskIdNumber('M1234567801')).toBe('M******7801');
    expect(maskIdNumber('ABCDEFG')).toBe('AB***FG');
    expect(maskIdNumber('ABC')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });

  it('S-1.3 property: never shows the 8-digit birth date, keeps length, stable on re-masking', () => {
    fc.assert(
      fc.property(residentBody, (body) => {
        const id = withCheck(body);
        const masked = maskIdNumber(id);
        expect(masked).not.toContain(body.slice(6, 14));
        expect(masked).toHaveLength(18);
        expect(maskIdNumber(masked)).toHaveLength(masked.length);
      }),
    );
  });

  it('S-1.3 property: never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(typeof maskIdNumber(s)).toBe('string');
      }),
    );
  });
});
