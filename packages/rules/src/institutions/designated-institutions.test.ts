import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../policy/categories.js';
import { ENROLMENT_2011 } from '../policy/notice-2010-53.js';
import {
  checkInstitutionChoice,
  communityInstitutionStatus,
  type InstitutionChoice,
  type InstitutionKind,
  needsCommunityInstitution,
} from './designated-institutions.js';

let next = 0;
const inst = (
  kind: InstitutionKind,
  code = `H${String(++next).padStart(4, '0')}`,
): InstitutionChoice => ({
  code,
  kind,
});
const general = (n: number) => Array.from({ length: n }, () => inst('general'));

function expectRefused(result: ReturnType<typeof checkInstitutionChoice>, clause: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.clause).toBe(clause);
  return result.message;
}

describe('S-3.1 exactly 3 personal designated institutions', () => {
  it('S-3.1 3 personal choices for a student → ok', () => {
    expect(checkInstitutionChoice('student_child', general(3))).toEqual({ ok: true });
  });

  it.each([0, 1, 2, 4, 5])('S-3.1 %i personal choices → refused with the counts', (n) => {
    const message = expectRefused(checkInstitutionChoice('student_child', general(n)), 'S-3.1');
    expect(message).toContain(`须选择3所本人定点医疗机构`);
    expect(message).toContain(`当前${n}所`);
    expect(message).toContain('Choose exactly 3 personal designated institutions');
    expect(message).toContain(`${n} chosen`);
  });

  it('S-3.1 common kinds (tcm / specialist / a_class) are not counted: 3 personal + 2 common → ok', () => {
    const choices = [...general(3), inst('tcm'), inst('a_class')];
    expect(checkInstitutionChoice('student_child', choices)).toEqual({ ok: true });
    expect(checkInstitutionChoice('student_child', [...general(3), inst('specialist')])).toEqual({
      ok: true,
    });
  });

  it('S-3.1 2 personal + 1 common → refused (the common one does not make up the count)', () => {
    for (const common of ['tcm', 'specialist', 'a_class'] as const) {
      const message = expectRefused(
        checkInstitutionChoice('student_child', [...general(2), inst(common)]),
        'S-3.1',
      );
      expect(message).toContain('当前2所');
      expect(message).toContain('2 chosen');
    }
  });

  it('S-3.1 a duplicate code is refused', () => {
    const choices = [inst('general', 'H-A'), inst('general', 'H-A'), inst('general', 'H-B')];
    const message = expectRefused(checkInstitutionChoice('student_child', choices), 'S-3.1');
    expect(message).toContain('定点医疗机构不能重复选择');
    expect(message).toContain('A designated institution is chosen twice');
    // Four entries of which two repeat: still refused as a duplicate, not accepted as 3 distinct.
    const four = [...choices, inst('community_health', 'H-C')];
    expect(expectRefused(checkInstitutionChoice('elderly', four), 'S-3.1')).toContain(
      'chosen twice',
    );
  });

  it('S-3.1 the required count is a parameter', () => {
    expect(checkInstitutionChoice('student_child', general(2), 2)).toEqual({ ok: true });
    expectRefused(checkInstitutionChoice('student_child', general(3), 2), 'S-3.1');
  });
});

describe('N-1.6 elderly and unemployed residents need a community health-service institution', () => {
  it.each(['elderly', 'unemployed', 'unemployed_disabled'] as const)(
    'N-1.6 %s without a community_health among the 3 → refused',
    (category) => {
      const message = expectRefused(checkInstitutionChoice(category, general(3)), 'N-1.6');
      expect(message).toContain('须包括1家定点社区卫生服务机构');
      expect(message).toContain('must include one community health-service institution');
    },
  );

  it.each(['elderly', 'unemployed', 'unemployed_disabled'] as const)(
    'N-1.6 %s with one community_health among the 3 → ok',
    (category) => {
      expect(checkInstitutionChoice(category, [inst('community_health'), ...general(2)])).toEqual({
        ok: true,
      });
    },
  );

  it('N-1.6 student_child does not need one', () => {
    expect(needsCommunityInstitution('student_child')).toBe(false);
    expect(checkInstitutionChoice('student_child', general(3))).toEqual({ ok: true });
  });

  it('N-1.6 every other category needs one', () => {
    expect(CATEGORIES.filter(needsCommunityInstitution)).toEqual([
      'elderly',
      'unemployed',
      'unemployed_disabled',
    ]);
  });
});

describe('N-1.6 communityInstitutionStatus with the 2010-12-25 deadline (inclusive)', () => {
  const deadline = '2010-12-25';

  it('N-1.6 the 2011 policy carries the 2010-12-25 deadline', () => {
    expect(ENROLMENT_2011.communityInstitutionDeadline).toBe(deadline);
  });

  it.each([
    ['2010-12-24', false],
    ['2010-12-25', false],
    ['2010-12-26', true],
  ] as const)('N-1.6 elderly missing one, on %s → overdue: %s', (today, overdue) => {
    expect(communityInstitutionStatus('elderly', general(3), today, deadline)).toEqual({
      required: true,
      missing: true,
      deadline,
      overdue,
    });
  });

  it('N-1.6 someone who has one is neither missing nor overdue', () => {
    const choices = [inst('community_health'), ...general(2)];
    expect(communityInstitutionStatus('unemployed', choices, '2010-12-26', deadline)).toEqual({
      required: true,
      missing: false,
      deadline,
      overdue: false,
    });
  });

  it('N-1.6 a student is never required, missing or overdue', () => {
    const status = communityInstitutionStatus('student_child', general(3), '2010-12-26', deadline);
    expect(status).toMatchObject({ required: false, missing: false, overdue: false });
  });

  it('N-1.6 without a deadline nobody is overdue and no deadline is shown', () => {
    const status = communityInstitutionStatus('elderly', general(3), '2030-01-01', undefined);
    expect(status).toEqual({ required: true, missing: true, overdue: false });
    expect(status).not.toHaveProperty('deadline');
  });
});

describe('S-3.1 / N-1.6 hand-typed input', () => {
  it('S-3.1 codes differing only in case or spaces are the same institution', () => {
    const choices = [
      { code: 'a01', kind: 'community_health' },
      { code: 'A01 ', kind: 'general' },
      { code: 'b02', kind: 'general' },
    ] as const;
    expect(checkInstitutionChoice('student_child', choices)).toMatchObject({
      ok: false,
      clause: 'S-3.1',
    });
  });

  it('N-1.6 an invalid "today" is an error, not a silent overdue', () => {
    expect(() => communityInstitutionStatus('elderly', [], '2010-12-3', '2010-12-25')).toThrow();
    expect(communityInstitutionStatus('elderly', [], '2010-12-03', '2010-12-25').overdue).toBe(
      false,
    );
  });
});
