import type { Role } from '../../common/auth/actor.js';

/** Everyone who works on students: the admin, district staff, university and college staff. */
export const STUDENT_ROLES: Role[] = [
  'system_admin',
  'district_staff',
  'university_staff',
  'college_staff',
];
