import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseIdNumber } from './normalise-id-number.js';

const toFullWidth = (s: string): string =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('S-1.3 normaliseIdNumber', () => {
  it('S-1.3 folds full-width digits and letters to ASCII', () => {
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('ｈ１２３４５６７８')).toBe('H12345678');
  });

  it('S-1.3 upper-cases a trailing x, including full-width ｘ', () => {
    expect(normaliseIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseIdNumber('11010519491231002ｘ')).toBe('11010519491231002X');
  });

  it('S-1.3 strips ASCII, ideographic and non-breaking spaces, zero-width chars and hyphens', () => {
    const messy = ' 110105\u30001949\u00a01231\t002\u200bX\u200d\ufeff\n';
    expect(normaliseIdNumber(messy)).toBe('11010519491231002X');
    expect(normaliseIdNumber('110105-19491231-002X')).toBe('11010519491231002X');
    expect(normaliseIdNumber('110105－19491231—002X')).toBe('11010519491231002X');
  });

  it('S-1.3 leaves other characters in place so they still fail validation', () => {
    expect(normaliseIdNumber('1101*05')).toBe('1101*05');
    expect(normaliseIdNumber('ß')).toBe('ß');
    expect(normaliseIdNumber('')).toBe('');
  });

  it('S-1.3 property: the full-width form normalises to the same string as the ASCII form', () => {
    const alnum = fc.constantFrom(
      ...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    );
    fc.assert(
      fc.property(fc.array(alnum, { maxLength: 24 }), (chars) => {
        const ascii = chars.join('');
        expect(normaliseIdNumber(toFullWidth(ascii))).toBe(normaliseIdNumber(ascii));
        expect(normaliseIdNumber(ascii)).toBe(ascii.toUpperCase());
      }),
    );
  });

  it('S-1.3 property: interleaved whitespace never changes the result', () => {
    const gap = fc.constantFrom('', ' ', '\u3000', '\u00a0', '\u200b', '-', '\t');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...'0123456789X'), gap)), (pairs) => {
        const plain = pairs.map(([c]) => c).join('');
        const spaced = pairs.map(([c, g]) => g + c).join('');
        expect(normaliseIdNumber(spaced)).toBe(plain);
      }),
    );
  });
});
