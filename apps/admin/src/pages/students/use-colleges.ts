import { STUDENT_STATUSES, type StudentStatus } from '@sscard/rules';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints.js';

/** S-1.6: counts per status and college; it also lists the colleges the caller may see. */
export function useStudentDashboard() {
  return useQuery({
    queryKey: ['student-dashboard'],
    queryFn: ({ signal }) => api.students.dashboard({ signal }),
  });
}

/** The caller's colleges (college staff: their own; university staff: all of theirs). */
export function useColleges(): { id: string; name: string }[] | undefined {
  return useStudentDashboard().data?.colleges.map((row) => row.college);
}

export function isStudentStatus(value: string): value is StudentStatus {
  return (STUDENT_STATUSES as readonly string[]).includes(value);
}

/** Tag colours by how far along the student is. */
export const STATUS_COLOURS: Record<StudentStatus, string> = {
  registered: 'default',
  submitted: 'blue',
  reviewed: 'cyan',
  paid: 'gold',
  photo_recorded: 'green',
  e_voucher: 'green',
};
