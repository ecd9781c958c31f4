import type {
  CardStatusQuery,
  CollegeInput,
  ImportKind,
  SignIn,
  StudentInstitutionsInput,
  StudentPaymentInput,
  StudentRegistration,
} from '@sscard/rules';
import type {
  Actor,
  AuditEntryView,
  AuditQuery,
  BusinessDateView,
  CardListQuery,
  CardStatusFound,
  CardView,
  DashboardView,
  LoginResult,
  NotFoundBody,
  Page,
} from './contract.js';
import { HttpClient } from './http-client.js';
import type * as C from './contract.js';
import { getSession, setSession } from '../auth/session-store.js';

export const http = new HttpClient({
  getToken: () => getSession()?.token ?? null,
  onUnauthorized: () => setSession(null),
});

type Signal = { signal?: AbortSignal | undefined };

/**
 * One function per endpoint, typed by the API's contract; pages call these through TanStack Query.
 * The distribution and residents endpoints (district centre and units) are `districtApi`.
 */
export const api = {
  login: (body: SignIn) =>
    http.post<LoginResult>('/api/auth/login', body, { ignoreUnauthorized: true }),
  logout: () => http.post<void>('/api/auth/logout'),
  me: ({ signal }: Signal = {}) => http.get<Actor>('/api/auth/me', { signal }),
  dashboard: ({ signal }: Signal = {}) => http.get<DashboardView>('/api/dashboard', { signal }),
  businessDate: ({ signal }: Signal = {}) =>
    http.get<BusinessDateView>('/api/business-date', { signal }),
  cards: (query: CardListQuery, { signal }: Signal = {}) =>
    http.get<Page<CardView>>('/api/cards', { query, signal }),
  auditLog: (query: AuditQuery, { signal }: Signal = {}) =>
    http.get<Page<AuditEntryView>>('/api/audit-log', { query, signal }),
  cardStatus: (body: CardStatusQuery) =>
    http.post<CardStatusFound | NotFoundBody>('/api/public/card-status', body),
  /** The 2025 student flow (Issue 6): college and university staff. */
  students: {
    list: (query: C.StudentListQuery, { signal }: Signal = {}) =>
      http.get<Page<C.StudentView>>('/api/students', { query, signal }),
    get: (id: string, { signal }: Signal = {}) =>
      http.get<C.StudentDetail>(`/api/students/${id}`, { signal }),
    dashboard: ({ signal }: Signal = {}) =>
      http.get<C.StudentDashboard>('/api/students/dashboard', { signal }),
    create: (collegeId: string, body: StudentRegistration) =>
      http.post<C.StudentDetail>(`/api/colleges/${collegeId}/students`, body),
    upload: (id: string, file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return http.postForm<C.AttachmentView>(`/api/students/${id}/attachments`, form);
    },
    attachment: (id: string, attachmentId: string) =>
      http.download(`/api/students/${id}/attachments/${attachmentId}`),
    submit: (id: string) => http.post<C.StudentDetail>(`/api/students/${id}/submit`),
    review: (id: string) => http.post<C.StudentDetail>(`/api/students/${id}/review`),
    pay: (id: string, body: StudentPaymentInput, idempotencyKey: string) =>
      http.post<C.StudentDetail>(`/api/students/${id}/payment`, body, { idempotencyKey }),
    photo: (id: string) =>
      http.post<C.StudentDetail>(`/api/students/${id}/photo`, { proxyHandling: false }),
    eVoucher: (id: string) => http.post<C.StudentDetail>(`/api/students/${id}/e-voucher`),
    institutions: (id: string, body: StudentInstitutionsInput) =>
      http.put<C.StudentDetail>(`/api/students/${id}/institutions`, body),
    summaryXlsx: (collegeId: string) => http.download(`/api/colleges/${collegeId}/summary.xlsx`),
    /** S-1.2: attachment 1 generated from the stored data (full ID number; audited). */
    registrationForm: (id: string) => http.download(`/api/students/${id}/registration-form.xlsx`),
    colleges: (universityId: string, { signal }: Signal = {}) =>
      http.get<C.CollegeView[]>(`/api/universities/${universityId}/colleges`, { signal }),
    createCollege: (universityId: string, body: CollegeInput) =>
      http.post<C.CollegeView>(`/api/universities/${universityId}/colleges`, body),
  },
  /** Issue 4: spreadsheet imports: upload (a dry run starts), progress, problems, commit. */
  imports: {
    list: (query: C.ImportListQuery, { signal }: Signal = {}) =>
      http.get<Page<C.ImportJobView>>('/api/imports', { query, signal }),
    get: (id: string, { signal }: Signal = {}) =>
      http.get<C.ImportJobView>(`/api/imports/${encodeURIComponent(id)}`, { signal }),
    issues: (id: string, query: C.ImportIssuesQuery, { signal }: Signal = {}) =>
      http.get<Page<C.ImportIssueView>>(`/api/imports/${encodeURIComponent(id)}/issues`, {
        query,
        signal,
      }),
    /**
     * The API reads the fields in order: kind, unitId and commitWhenValid (the one-step import)
     * must come before the file.
     */
    upload: (kind: ImportKind, unitId: string | undefined, file: File, commitWhenValid = false) => {
      const form = new FormData();
      form.append('kind', kind);
      if (unitId) form.append('unitId', unitId);
      if (commitWhenValid) form.append('commitWhenValid', 'true');
      form.append('file', file, file.name);
      return http.postForm<C.ImportJobView>('/api/imports', form);
    },
    commit: (id: string) =>
      http.post<C.ImportJobView>(`/api/imports/${encodeURIComponent(id)}/commit`),
    retry: (id: string) =>
      http.post<C.ImportJobView>(`/api/imports/${encodeURIComponent(id)}/retry`),
    errorReport: (id: string) =>
      http.download(`/api/imports/${encodeURIComponent(id)}/error-report.xlsx`),
    template: (kind: ImportKind) => http.download(`/api/imports/templates/${kind}`),
  },
};
