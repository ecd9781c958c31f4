/**
 * ID numbers arrive from IME input, copy-paste out of PDFs and chat apps, and OCR, so they carry
 * full-width forms, assorted spaces, invisible joiners and grouping hyphens. Validation and
 * masking both run on the normalised form so that cosmetic differences never decide validity.
 */

// Full-width ASCII block: U+FF01..U+FF5E maps to U+0021..U+007E by a fixed offset. Only digits
// and letters are folded; full-width punctuation is left alone so it still fails validation
// instead of silently turning into something meaningful.
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

// \s already covers U+00A0, U+3000, U+FEFF and the U+2000 block; the zero-width characters
// U+200B..U+200D and U+2060 are not whitespace to JavaScript, so they are listed explicitly.
// Hyphens include the typographic dashes (U+2010..U+2015), minus sign and full-width hyphen
// because word processors substitute them for '-' on paste.
const STRIP = /[\s\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2212\uFE63\uFF0D]/g;

const ALREADY_NORMAL = /^[0-9A-Z]*$/;

export function normaliseIdNumber(value: string): string {
  if (ALREADY_NORMAL.test(value)) return value;
  return (
    value
      .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
      .replace(STRIP, '')
      // ASCII-only upper-casing: String#toUpperCase would expand e.g. 'ß' to 'SS' and change
      // the length, which would make a garbage input look like a differently-sized number.
      .replace(/[a-z]/g, (c) => c.toUpperCase())
  );
}
