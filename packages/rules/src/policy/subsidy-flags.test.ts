import { describe, expect, it } from 'vitest';
import { checkSubsidyFlag } from './subsidy-flags.js';

describe('N-1.4b a subsidy flag must fit the category and exist in the year', () => {
  it('allows a fitting flag and refuses the others with the flag and category named', () => {
    expect(checkSubsidyFlag('severely_disabled_minor', 'student_child', 2011)).toEqual({
      ok: true,
    });
    expect(checkSubsidyFlag('severely_disabled_minor', 'elderly', 2011)).toMatchObject({
      ok: false,
      clause: 'N-1.4b',
      message: expect.stringContaining('重度残疾少年儿童'),
    });
    // The notice's new flags exist from 2011 only.
    expect(checkSubsidyFlag('severely_disabled_elderly', 'elderly', 2010)).toMatchObject({
      ok: false,
      clause: 'N-1.4b',
    });
  });
});
