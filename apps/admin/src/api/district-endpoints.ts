import type {
  Enrolment,
  Payment,
  PersonInput,
  ReissueApplication,
  SubsidyVerification,
} from '@sscard/rules';
import type {
  BatchDetail,
  BatchListQuery,
  BatchView,
  DispatchResult,
  EnrolmentCreated,
  EnrolmentView,
  HandoverResult,
  MissingInstitutionItem,
  MissingInstitutionQuery,
  OverduePage,
  OverdueQuery,
  Page,
  PickupView,
  PoolCardView,
  ReconciliationView,
  ReissuePoolQuery,
  ReissueView,
  ResidentDetail,
  ResidentListQuery,
  ResidentView,
  ReturnView,
  ServicePointQuery,
  ServicePointView,
  UnitListQuery,
  UnitView,
} from './contract.js';
import { http } from './endpoints.js';

type Signal = { signal?: AbortSignal | undefined };

/** POST /api/batches/dispatch: the pickup notice's place and deadline (N-2.2b). */
export interface DispatchRequest {
  pickupPlace: string;
  pickupDeadline: string;
}

/** POST /api/batches/:id/pickup (N-2.2b); the date defaults to the business date. */
export interface PickupRequest {
  credentialKind: PickupView['credentialKind'];
  credentialCode: string;
  collectorName: string;
  pickedUpOn?: string;
}

export interface DeliveryRequest {
  destination: 'unit' | 'district_centre';
  deliveredOn?: string;
}

export interface ReturnRequest {
  returnedOn: string;
  firstCopyReturned: true;
  cardIds: string[];
}

export type CreateResidentRequest = PersonInput & { currentUnitId: string };
export type SubsidyVerificationRecorded = ResidentDetail['subsidyVerifications'][number];

/**
 * The district centre's screens (units, batches and their handover, returns, reissues,
 * residents, overdue lists): one typed function per endpoint, like `api` in endpoints.ts.
 */
export const districtApi = {
  units: (query: UnitListQuery, { signal }: Signal = {}) =>
    http.get<Page<UnitView>>('/api/units', { query, signal }),
  unit: (id: string, { signal }: Signal = {}) =>
    http.get<UnitView>(`/api/units/${encodeURIComponent(id)}`, { signal }),

  batches: (query: BatchListQuery, { signal }: Signal = {}) =>
    http.get<Page<BatchView>>('/api/batches', { query, signal }),
  batch: (id: string, { signal }: Signal = {}) =>
    http.get<BatchDetail>(`/api/batches/${encodeURIComponent(id)}`, { signal }),
  dispatch: (body: DispatchRequest, idempotencyKey: string) =>
    http.post<DispatchResult>('/api/batches/dispatch', body, { idempotencyKey }),
  nameReceiver: (id: string, body: { name: string; phone: string }) =>
    http.put<BatchView>(`/api/batches/${encodeURIComponent(id)}/receiver`, body),
  deliver: (id: string, body: DeliveryRequest) =>
    http.post<HandoverResult>(`/api/batches/${encodeURIComponent(id)}/delivery`, body),
  pickup: (id: string, body: PickupRequest, idempotencyKey: string) =>
    http.post<HandoverResult>(`/api/batches/${encodeURIComponent(id)}/pickup`, body, {
      idempotencyKey,
    }),

  reconciliation: (batchId: string, { signal }: Signal = {}) =>
    http.get<ReconciliationView>(`/api/batches/${encodeURIComponent(batchId)}/reconciliation`, {
      signal,
    }),
  returnCards: (batchId: string, body: ReturnRequest, idempotencyKey: string) =>
    http.post<ReturnView>(`/api/batches/${encodeURIComponent(batchId)}/return`, body, {
      idempotencyKey,
    }),

  reissuePool: (query: ReissuePoolQuery, { signal }: Signal = {}) =>
    http.get<Page<PoolCardView>>('/api/reissue-pool', { query, signal }),
  servicePoints: (query: ServicePointQuery, { signal }: Signal = {}) =>
    http.get<Page<ServicePointView>>('/api/service-points', { query, signal }),
  reissue: (body: ReissueApplication, idempotencyKey: string) =>
    http.post<ReissueView>('/api/reissues', body, { idempotencyKey }),

  residents: (query: ResidentListQuery, { signal }: Signal = {}) =>
    http.get<Page<ResidentView>>('/api/residents', { query, signal }),
  resident: (id: string, { signal }: Signal = {}) =>
    http.get<ResidentDetail>(`/api/residents/${encodeURIComponent(id)}`, { signal }),
  createResident: (body: CreateResidentRequest) =>
    http.post<ResidentDetail>('/api/residents', body),
  setInstitutions: (id: string, body: Pick<ResidentDetail, 'designatedInstitutions'>) =>
    http.put<ResidentDetail>(`/api/residents/${encodeURIComponent(id)}/institutions`, body),
  addVerification: (id: string, body: SubsidyVerification) =>
    http.post<SubsidyVerificationRecorded>(
      `/api/residents/${encodeURIComponent(id)}/subsidy-verifications`,
      body,
    ),
  missingInstitution: (query: MissingInstitutionQuery, { signal }: Signal = {}) =>
    http.get<Page<MissingInstitutionItem>>('/api/residents/missing-community-institution', {
      query,
      signal,
    }),

  enrol: (residentId: string, body: Enrolment) =>
    http.post<EnrolmentCreated>(
      `/api/residents/${encodeURIComponent(residentId)}/enrolments`,
      body,
    ),
  enrolment: (id: string, { signal }: Signal = {}) =>
    http.get<EnrolmentView>(`/api/enrolments/${encodeURIComponent(id)}`, { signal }),
  pay: (enrolmentId: string, body: Payment, idempotencyKey: string) =>
    http.post<EnrolmentView>(`/api/enrolments/${encodeURIComponent(enrolmentId)}/payments`, body, {
      idempotencyKey,
    }),

  overdue: (query: OverdueQuery, { signal }: Signal = {}) =>
    http.get<OverduePage>('/api/overdue', { query, signal }),
};

/** An export's download: the file with the name the API gives it. */
export type XlsxLoad = () => Promise<{ blob: Blob; fileName: string | null }>;

const xlsx =
  (path: string, query?: Record<string, string>): XlsxLoad =>
  () =>
    http.download(path, { query });

/** The Excel exports (streamed .xlsx, A4 print layout), each a download for DownloadButton. */
export const districtExports = {
  unitReconciliation: (unitId: string) =>
    xlsx(`/api/units/${encodeURIComponent(unitId)}/reconciliation.xlsx`),
  deliveryManifest: (batchId: string) =>
    xlsx(`/api/batches/${encodeURIComponent(batchId)}/delivery-manifest.xlsx`),
  pickupNotice: (batchId: string) =>
    xlsx(`/api/batches/${encodeURIComponent(batchId)}/pickup-notice.xlsx`),
  receipt: (batchId: string, copy: 'first' | 'second' = 'first') =>
    xlsx(`/api/batches/${encodeURIComponent(batchId)}/receipt.xlsx`, { copy }),
  reissuePool: () => xlsx('/api/exports/reissue-pool.xlsx'),
  overdue: (kind: 'pickup' | 'collection') => xlsx('/api/exports/overdue.xlsx', { kind }),
  missingInstitution: () => xlsx('/api/exports/missing-community-institution.xlsx'),
};
