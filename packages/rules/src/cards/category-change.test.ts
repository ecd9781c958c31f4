import { describe, expect, it } from 'vitest';
import { categoryChangeAllowed, checkCategoryChange } from './category-change.js';

describe('N-2.5 age-related category change', () => {
  it('only student → unemployed (disabled or not) and unemployed → elderly are age changes', () => {
    expect(categoryChangeAllowed('student_child', 'unemployed')).toBe(true);
    expect(categoryChangeAllowed('student_child', 'unemployed_disabled')).toBe(true);
    expect(categoryChangeAllowed('unemployed', 'elderly')).toBe(true);
    expect(categoryChangeAllowed('unemployed_disabled', 'elderly')).toBe(true);
    expect(categoryChangeAllowed('elderly', 'unemployed')).toBe(false);
    expect(categoryChangeAllowed('student_child', 'elderly')).toBe(false);
    expect(categoryChangeAllowed('unemployed', 'unemployed')).toBe(false);
  });

  it('N-2.5 the change needs the fee at the new standard paid first; a non-age change is refused', () => {
    expect(checkCategoryChange('student_child', 'unemployed', true)).toEqual({ ok: true });
    expect(checkCategoryChange('student_child', 'unemployed', false)).toMatchObject({
      ok: false,
      clause: 'N-2.5',
      message: expect.stringContaining('新类别标准缴费'),
    });
    expect(checkCategoryChange('elderly', 'student_child', true)).toMatchObject({
      ok: false,
      clause: 'N-2.5',
      message: expect.stringContaining('年龄增长'),
    });
  });
});
