/**
 * The API's response and query types, for clients (apps/admin) to import as types only.
 *
 * These are the types the controllers declare as their return types, so the compiler keeps
 * them true; the OpenAPI document describes request bodies only. Importing `type`s from here
 * brings no Nest or database code into a bundle (the imports are erased). Request bodies are
 * validated by zod schemas that live in @sscard/rules, where a client imports them too.
 */
import type { z } from 'zod';
import type { auditQuery } from './modules/audit/audit.dto.js';
import type { batchListQuery, noticeListQuery } from './modules/batches/batches.dto.js';
import type { cardClassesQuery, cardListQuery, overdueQuery } from './modules/cards/cards.dto.js';
import type { movedAwayQuery } from './modules/cards/moved-away.dto.js';
import type { enrolmentListQuery } from './modules/enrolments/enrolments.dto.js';
import type { importListQuery, issuesQuery } from './modules/imports/imports.dto.js';
import type { servicePointQuery } from './modules/reissues/reissues.dto.js';
import type { reissuePoolQuery } from './modules/returns/returns.dto.js';
import type {
  missingInstitutionQuery,
  residentListQuery,
} from './modules/residents/residents.dto.js';
import type { studentListQuery } from './modules/students/students.dto.js';
import type { unitListQuery } from './modules/units/units.dto.js';
import type { unitOptionsQuery, userListQuery } from './modules/users/users.dto.js';

export type { Actor, Role } from './common/auth/actor.js';
export type { ApiErrorBody } from './common/errors/api-errors.js';
export type { Page } from './common/validation/paging.js';
export type { LoginResult } from './modules/auth/auth.service.js';
export type { AuditEntryView } from './modules/audit/audit.dto.js';
export type { HandoverResult } from './modules/batches/batch-handover.service.js';
export type {
  BatchDetail,
  BatchView,
  DispatchResult,
  NoticeView,
  PickupView,
} from './modules/batches/batches.dto.js';
export type { ManifestView } from './modules/batches/batches.service.js';
export type {
  CardClassView,
  CardDetail,
  CardHistoryEntry,
  CardView,
  DashboardView,
  Labelled,
  OverdueItem,
  VendorListResult,
} from './modules/cards/cards.dto.js';
export type { BusinessDateView } from './modules/cards/business-date.controller.js';
export type { OverduePage } from './modules/cards/dashboard.service.js';
export type { MovedAwayItem, MovedAwayPage, MovedToUnit } from './modules/cards/moved-away.dto.js';
export type { DistrictView } from './modules/districts/districts.repository.js';
export type {
  EnrolmentCreated,
  EnrolmentView,
  PaymentView,
  TemporaryCertificateView,
} from './modules/enrolments/enrolments.dto.js';
export type {
  ImportIssueView,
  ImportJobView,
  ImportPhase,
  ImportState,
} from './modules/imports/imports.dto.js';
export type { CardStatusFound, NotFoundBody } from './modules/public-lookup/public-lookup.dto.js';
export type { ReceiptView, SignatureView } from './modules/receipts/receipts.dto.js';
export type { ReissueView, ServicePointView } from './modules/reissues/reissues.dto.js';
export type { CategoryChangeView } from './modules/residents/category-change.service.js';
export type {
  CardView as ResidentCardView,
  MissingInstitutionItem,
  ResidentDetail,
  ResidentView,
} from './modules/residents/residents.dto.js';
export type {
  PoolCardView,
  ReconciliationView,
  ReturnView,
} from './modules/returns/returns.dto.js';
export type {
  AttachmentView,
  CollegeView,
  DashboardRow as StudentDashboardRow,
  StudentDashboard,
  StudentDetail,
  StudentView,
} from './modules/students/students.dto.js';
export type { UnitView } from './modules/units/units.dto.js';
export type {
  AccountCreated,
  AccountView,
  DisableResult,
  PasswordResetResult,
  ReassignResult,
  UnitOptionView,
} from './modules/users/users.dto.js';

/**
 * What a list endpoint accepts in its query string: every parameter optional (the API fills in
 * the defaults), each typed as the API reads it (z.input would type coerced numbers `unknown`).
 */
type QueryOf<T extends z.ZodType> = Partial<z.output<T>>;

export type AuditQuery = QueryOf<typeof auditQuery>;
export type BatchListQuery = QueryOf<typeof batchListQuery>;
export type NoticeListQuery = QueryOf<typeof noticeListQuery>;
export type CardListQuery = QueryOf<typeof cardListQuery>;
export type CardClassesQuery = QueryOf<typeof cardClassesQuery>;
export type MovedAwayQuery = QueryOf<typeof movedAwayQuery>;
export type OverdueQuery = QueryOf<typeof overdueQuery>;
export type EnrolmentListQuery = QueryOf<typeof enrolmentListQuery>;
export type ImportListQuery = QueryOf<typeof importListQuery>;
export type ImportIssuesQuery = QueryOf<typeof issuesQuery>;
export type ReissuePoolQuery = QueryOf<typeof reissuePoolQuery>;
export type ServicePointQuery = QueryOf<typeof servicePointQuery>;
export type ResidentListQuery = QueryOf<typeof residentListQuery>;
export type MissingInstitutionQuery = QueryOf<typeof missingInstitutionQuery>;
export type UnitListQuery = QueryOf<typeof unitListQuery>;
/** `disabled` is sent as the API reads it: 'true' or 'false'. */
export type UserListQuery = Omit<QueryOf<typeof userListQuery>, 'disabled'> & {
  disabled?: 'true' | 'false';
};
export type UnitOptionsQuery = QueryOf<typeof unitOptionsQuery>;
/** `status` is sent as the API reads it: a comma-separated list (`reviewed,paid`). */
export type StudentListQuery = Omit<QueryOf<typeof studentListQuery>, 'status'> & {
  status?: string;
};
