import { describe, expect, it } from 'vitest';
import { navFor } from './nav-items.js';

describe('role-aware navigation', () => {
  it('district staff and admins see the audit log; unit staff do not', () => {
    const district = [
      'dashboard',
      'cards',
      'units',
      'batches',
      'pickups',
      'cardReturns',
      'reissues',
      'residents',
      'missingInstitution',
      'overdue',
      'audit',
      // Issue 6: read access to the student flow, with the review to record, and the colleges.
      'studentDashboard',
      'students',
      'colleges',
      'users',
      'imports',
    ];
    expect(navFor('district_staff').map((i) => i.key)).toEqual(district);
    expect(navFor('system_admin').map((i) => i.key)).toEqual(district);
    expect(navFor('unit_staff').map((i) => i.key)).not.toContain('audit');
  });

  it('N-2.2: dispatch, pickups and the reissue pool are the district side only', () => {
    const unit = navFor('unit_staff').map((i) => i.key);
    for (const key of ['units', 'batches', 'pickups', 'cardReturns', 'reissues'] as const) {
      expect(unit).not.toContain(key);
    }
    expect(unit).toEqual(expect.arrayContaining(['residents', 'missingInstitution', 'overdue']));
  });

  it('N-2.3 / N-2.4c: unit staff get their stock, receipt and return screens after the cards', () => {
    const unit = navFor('unit_staff').map((i) => i.key);
    expect(unit.slice(0, 5)).toEqual([
      'dashboard',
      'cards',
      'unitCards',
      'unitReceipt',
      'unitReturns',
    ]);
    expect(navFor('district_staff').map((i) => i.key)).not.toContain('unitCards');
  });

  it('N-2.4b: unit staff get the contact list of children who changed school, after returns', () => {
    const unit = navFor('unit_staff').map((i) => i.key);
    expect(unit.slice(4, 6)).toEqual(['unitReturns', 'unitMoved']);
    expect(navFor('unit_staff').find((i) => i.key === 'unitMoved')?.path).toBe('/unit/moved');
    expect(navFor('district_staff').map((i) => i.key)).not.toContain('unitMoved');
  });

  it('S-1.6: university and college staff get the student flow, starting at its dashboard', () => {
    for (const role of ['university_staff', 'college_staff'] as const) {
      expect(
        navFor(role)
          .map((i) => i.key)
          .slice(0, 2),
      ).toEqual(['studentDashboard', 'students']);
    }
    expect(navFor('unit_staff').map((i) => i.key)).not.toContain('students');
    expect(navFor('university_staff').map((i) => i.key)).toContain('colleges');
    expect(navFor('college_staff').map((i) => i.key)).not.toContain('colleges');
  });

  it('the roles that manage accounts (the rules’ matrix) get the users screen, just before imports', () => {
    for (const role of ['system_admin', 'district_staff', 'university_staff'] as const) {
      expect(navFor(role).at(-2)?.path).toBe('/users');
    }
    for (const role of ['unit_staff', 'college_staff'] as const) {
      expect(navFor(role).map((i) => i.key)).not.toContain('users');
    }
  });

  it('every role that may import a spreadsheet gets the imports screen, last', () => {
    for (const role of [
      'system_admin',
      'district_staff',
      'unit_staff',
      'university_staff',
      'college_staff',
    ] as const) {
      expect(navFor(role).at(-1)?.path).toBe('/imports');
    }
  });
});
