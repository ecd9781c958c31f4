import { describe, expect, it } from 'vitest';
import {
  enrolmentWindow,
  getDistributionPolicy,
  getEnrolmentPolicy,
  getStudentPolicy,
  loadedPolicyYears,
  PolicyNotFoundError,
} from './policy-registry.js';
import { subsidyFlagFits, SUBSIDY_FLAG_DEFINITIONS, SUBSIDY_FLAGS } from './subsidy-flags.js';

describe('N-1.2 fee standards and dates are versioned policy data', () => {
  it('loads the 2011 notice year and the 2025 student year', () => {
    expect(loadedPolicyYears()).toEqual([2011, 2025]);
    expect(getEnrolmentPolicy(2011).source.id).toBe('京社保发〔2010〕53号');
  });

  it('a year without data is an explicit, bilingual error, never a default', () => {
    const attempt = () => getEnrolmentPolicy(2012);
    expect(attempt).toThrow(PolicyNotFoundError);
    expect(attempt).toThrow(
      '未加载政策数据：2012年度参保缴费政策 / No policy data loaded: enrolment policy for 2012',
    );
    expect(() => getStudentPolicy(2024)).toThrow(PolicyNotFoundError);
    expect(() => getDistributionPolicy('distribution-2099')).toThrow(PolicyNotFoundError);
  });

  it('N-1.1a / N-1.1b windows come from data: explicit 2011, standing rule from 2012 (1 September, decision)', () => {
    expect(enrolmentWindow(2011)).toEqual({
      from: '2010-12-01',
      to: '2011-02-28',
      clause: 'N-1.1a',
    });
    expect(enrolmentWindow(2012)).toEqual({
      from: '2011-09-01',
      to: '2011-11-30',
      clause: 'N-1.1b',
    });
    expect(enrolmentWindow(2026)).toEqual({
      from: '2025-09-01',
      to: '2025-11-30',
      clause: 'N-1.1b',
    });
    expect(() => enrolmentWindow(2010)).toThrow(PolicyNotFoundError);
  });

  it('N-1.3c three withholding rounds and N-1.6 the community-institution deadline for 2011', () => {
    const p = getEnrolmentPolicy(2011);
    expect(p.withholdingRounds).toEqual(['2010-12-24', '2011-01-24', '2011-02-20']);
    expect(p.communityInstitutionDeadline).toBe('2010-12-25');
  });

  it('N-2.2a / N-2.4b–d distribution parameters, read with the project’s date decision', () => {
    expect(getDistributionPolicy()).toMatchObject({
      directDeliveryThreshold: 600,
      collectionDeadline: '2011-01-15',
      returnsOpenFrom: '2011-01-21',
      reissueOpenFrom: '2011-03-02',
      cardHotline: '96102',
    });
  });
});

describe('N-1.4b subsidy flags are an enumerated, versioned list', () => {
  it('the two flags added by the notice exist from 2011 and fit one category each', () => {
    expect(SUBSIDY_FLAG_DEFINITIONS.severely_disabled_elderly.zh).toBe('重度残疾老年人');
    expect(SUBSIDY_FLAG_DEFINITIONS.severely_disabled_minor.zh).toBe('重度残疾少年儿童');
    expect(subsidyFlagFits('severely_disabled_minor', 'student_child', 2011)).toBe(true);
    expect(subsidyFlagFits('severely_disabled_minor', 'student_child', 2010)).toBe(false);
    expect(subsidyFlagFits('severely_disabled_minor', 'elderly', 2011)).toBe(false);
    expect(subsidyFlagFits('severely_disabled_elderly', 'elderly', 2011)).toBe(true);
  });

  it('every flag fits at least one category', () => {
    for (const flag of SUBSIDY_FLAGS)
      expect(SUBSIDY_FLAG_DEFINITIONS[flag].fitsCategories.length).toBeGreaterThan(0);
  });
});
