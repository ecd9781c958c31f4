import { ACCOUNT_ROLES, canManageAccounts } from '@sscard/rules';
import type { Role } from '../api/contract.js';
import type { Messages } from '../i18n/zh-CN.js';

export type NavKey = Exclude<keyof Messages['nav'], 'label' | 'noScreens'>;

export interface NavItem {
  key: NavKey;
  path: string;
  /** Mirrors the API's @Roles on the endpoint the screen reads; the API enforces it anyway. */
  roles: readonly Role[];
}

const STUDENT_STAFF: readonly Role[] = ['university_staff', 'college_staff'];
/** Everyone the API lets read students (STUDENT_ROLES there). */
const STUDENT_READERS: readonly Role[] = [...STUDENT_STAFF, 'district_staff', 'system_admin'];
/** Dispatch, pickup, delivery and the reissue pool are the district centre's (and the admin's). */
const DISTRICT_SIDE: readonly Role[] = ['system_admin', 'district_staff'];

/** The menu, in order. A new screen: add its route in router.tsx and its entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', path: '/dashboard', roles: ['system_admin', 'district_staff', 'unit_staff'] },
  { key: 'cards', path: '/cards', roles: ['system_admin', 'district_staff', 'unit_staff'] },
  // Issue 5: the unit's own screens (N-2.3, N-2.4c); district staff have theirs.
  { key: 'unitCards', path: '/unit/cards', roles: ['unit_staff'] },
  { key: 'unitReceipt', path: '/unit/receipt', roles: ['unit_staff'] },
  { key: 'unitReturns', path: '/unit/returns', roles: ['unit_staff'] },
  // N-2.4b: the unit's contact list of children who changed school.
  { key: 'unitMoved', path: '/unit/moved', roles: ['unit_staff'] },
  // Issue 5: the district centre's screens (N-1.x, N-2.2–N-2.4, N-3).
  { key: 'units', path: '/units', roles: DISTRICT_SIDE },
  { key: 'batches', path: '/batches', roles: DISTRICT_SIDE },
  { key: 'pickups', path: '/pickups', roles: DISTRICT_SIDE },
  { key: 'cardReturns', path: '/returns', roles: DISTRICT_SIDE },
  { key: 'reissues', path: '/reissues', roles: DISTRICT_SIDE },
  { key: 'residents', path: '/residents', roles: ['system_admin', 'district_staff', 'unit_staff'] },
  {
    key: 'missingInstitution',
    path: '/missing-institution',
    roles: ['system_admin', 'district_staff', 'unit_staff'],
  },
  { key: 'overdue', path: '/overdue', roles: ['system_admin', 'district_staff', 'unit_staff'] },
  { key: 'audit', path: '/audit', roles: ['system_admin', 'district_staff'] },
  // Issue 6: the student flow; the dashboard first, as it is the colleges' start page. District
  // staff (and the admin) read every student of their district and record Beijing's review.
  { key: 'studentDashboard', path: '/students/dashboard', roles: STUDENT_READERS },
  { key: 'students', path: '/students', roles: STUDENT_READERS },
  // A university's colleges with their progress; adding one is the district's (POST roles).
  {
    key: 'colleges',
    path: '/colleges',
    roles: ['system_admin', 'district_staff', 'university_staff'],
  },
  // Account management: the roles that manage someone (the rules' ACCOUNT_MANAGEMENT).
  { key: 'users', path: '/users', roles: ACCOUNT_ROLES.filter(canManageAccounts) },
  // Issue 4: spreadsheet imports; which kinds each role may upload is the rules' IMPORT_ROLES.
  {
    key: 'imports',
    path: '/imports',
    roles: ['system_admin', 'district_staff', 'unit_staff', ...STUDENT_STAFF],
  },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
