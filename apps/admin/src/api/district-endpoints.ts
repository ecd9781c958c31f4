import type {
  BulkSignRequest,
  CategoryChangeRequest,
  CloseCertificateRequest,
  CreateResidentRequest,
  DeliveryRequest,
  DesignatedPerson,
  DispatchRequest,
  Enrolment,
  IdentitySyncedRequest,
  InstitutionsRequest,
  Payment,
  PickupRequest,
  ReceiverRequest,
  ReissueApplication,
  ReturnRequest,
  SignRequest,
  SubsidyVerification,
  Unit,
} from '@sscard/rules';
import type {
  BatchDetail,
  BatchListQuery,
  BatchView,
  CardClassesQuery,
  CardClassView,
  CategoryChangeView,
  DispatchResult,
  DistrictView,
  EnrolmentCreated,
  EnrolmentView,
  HandoverResult,
  MissingInstitutionItem,
  MissingInstitutionQuery,
  MovedAwayPage,
  MovedAwayQuery,
  OverduePage,
  OverdueQuery,
  Page,
  PoolCardView,
  ReceiptView,
  ReconciliationView,
  ReissuePoolQuery,
  ReissueView,
  ResidentDetail,
  ResidentListQuery,
  ResidentView,
  ReturnView,
  ServicePointQuery,
  ServicePointView,
  SignatureView,
  TemporaryCertificateView,
  UnitListQuery,
  UnitView,
} from './contract.js';
import { http } from './endpoints.js';

type Signal = { signal?: AbortSignal | undefined };
const id = encodeURIComponent;

export type SubsidyVerificationRecorded = ResidentDetail['subsidyVerifications'][number];

/**
 * The distribution and residents endpoints, for the district centre and the units alike (the
 * API scopes every call to the caller): one typed function per endpoint. Request bodies are the
 * rules' request schemas' types — the same schemas the API validates with.
 */
export const districtApi = {
  districts: ({ signal }: Signal = {}) => http.get<DistrictView[]>('/api/districts', { signal }),
  units: (query: UnitListQuery, { signal }: Signal = {}) =>
    http.get<Page<UnitView>>('/api/units', { query, signal }),
  unit: (unitId: string, { signal }: Signal = {}) =>
    http.get<UnitView>(`/api/units/${id(unitId)}`, { signal }),
  createUnit: (body: Unit) => http.post<UnitView>('/api/units', body),
  /** N-2.2a / N-2.3: who receives delivered cards and may sign on a holder's behalf. */
  setDesignatedPerson: (unitId: string, body: DesignatedPerson) =>
    http.put<UnitView>(`/api/units/${id(unitId)}/designated-person`, body),

  batches: (query: BatchListQuery, { signal }: Signal = {}) =>
    http.get<Page<BatchView>>('/api/batches', { query, signal }),
  batch: (batchId: string, { signal }: Signal = {}) =>
    http.get<BatchDetail>(`/api/batches/${id(batchId)}`, { signal }),
  dispatch: (body: DispatchRequest, idempotencyKey: string) =>
    http.post<DispatchResult>('/api/batches/dispatch', body, { idempotencyKey }),
  nameReceiver: (batchId: string, body: ReceiverRequest) =>
    http.put<BatchView>(`/api/batches/${id(batchId)}/receiver`, body),
  deliver: (batchId: string, body: DeliveryRequest) =>
    http.post<HandoverResult>(`/api/batches/${id(batchId)}/delivery`, body),
  pickup: (batchId: string, body: PickupRequest, idempotencyKey: string) =>
    http.post<HandoverResult>(`/api/batches/${id(batchId)}/pickup`, body, { idempotencyKey }),

  /** N-2.3: the receipt, signing one card or many, the classes of a batch's cards. */
  receipt: (batchId: string, { signal }: Signal = {}) =>
    http.get<ReceiptView>(`/api/batches/${id(batchId)}/receipt`, { signal }),
  sign: (cardId: string, body: SignRequest, idempotencyKey: string) =>
    http.post<SignatureView>(`/api/cards/${id(cardId)}/signature`, body, { idempotencyKey }),
  signMany: (batchId: string, body: BulkSignRequest, idempotencyKey: string) =>
    http.post<ReceiptView>(`/api/batches/${id(batchId)}/signatures`, body, { idempotencyKey }),
  cardClasses: (query: CardClassesQuery, { signal }: Signal = {}) =>
    http.get<{ items: CardClassView[] }>('/api/cards/classes', { query, signal }),
  /** N-2.4b: children who changed school, whose cards wait at the unit. */
  movedAway: (query: MovedAwayQuery, { signal }: Signal = {}) =>
    http.get<MovedAwayPage>('/api/cards/moved-away', { query, signal }),

  reconciliation: (batchId: string, { signal }: Signal = {}) =>
    http.get<ReconciliationView>(`/api/batches/${id(batchId)}/reconciliation`, { signal }),
  returnCards: (batchId: string, body: ReturnRequest, idempotencyKey: string) =>
    http.post<ReturnView>(`/api/batches/${id(batchId)}/return`, body, { idempotencyKey }),

  reissuePool: (query: ReissuePoolQuery, { signal }: Signal = {}) =>
    http.get<Page<PoolCardView>>('/api/reissue-pool', { query, signal }),
  servicePoints: (query: ServicePointQuery, { signal }: Signal = {}) =>
    http.get<Page<ServicePointView>>('/api/service-points', { query, signal }),
  reissue: (body: ReissueApplication, idempotencyKey: string) =>
    http.post<ReissueView>('/api/reissues', body, { idempotencyKey }),

  residents: (query: ResidentListQuery, { signal }: Signal = {}) =>
    http.get<Page<ResidentView>>('/api/residents', { query, signal }),
  resident: (residentId: string, { signal }: Signal = {}) =>
    http.get<ResidentDetail>(`/api/residents/${id(residentId)}`, { signal }),
  createResident: (body: CreateResidentRequest) =>
    http.post<ResidentDetail>('/api/residents', body),
  setInstitutions: (residentId: string, body: InstitutionsRequest) =>
    http.put<ResidentDetail>(`/api/residents/${id(residentId)}/institutions`, body),
  addVerification: (residentId: string, body: SubsidyVerification) =>
    http.post<SubsidyVerificationRecorded>(
      `/api/residents/${id(residentId)}/subsidy-verifications`,
      body,
    ),
  /** N-2.5: the category change, and the district centre's identity sync of the card. */
  changeCategory: (residentId: string, body: CategoryChangeRequest) =>
    http.post<CategoryChangeView>(`/api/residents/${id(residentId)}/category-change`, body),
  identitySynced: (residentId: string, changeId: string, body: IdentitySyncedRequest) =>
    http.post<CategoryChangeView>(
      `/api/residents/${id(residentId)}/category-change/${id(changeId)}/synced`,
      body,
    ),
  missingInstitution: (query: MissingInstitutionQuery, { signal }: Signal = {}) =>
    http.get<Page<MissingInstitutionItem>>('/api/residents/missing-community-institution', {
      query,
      signal,
    }),

  enrol: (residentId: string, body: Enrolment) =>
    http.post<EnrolmentCreated>(`/api/residents/${id(residentId)}/enrolments`, body),
  enrolment: (enrolmentId: string, { signal }: Signal = {}) =>
    http.get<EnrolmentView>(`/api/enrolments/${id(enrolmentId)}`, { signal }),
  pay: (enrolmentId: string, body: Payment, idempotencyKey: string) =>
    http.post<EnrolmentView>(`/api/enrolments/${id(enrolmentId)}/payments`, body, {
      idempotencyKey,
    }),
  /** N-1.5: the temporary certificate ends once the card is issued. */
  closeCertificate: (certificateId: string, body: CloseCertificateRequest) =>
    http.post<TemporaryCertificateView>(
      `/api/temporary-certificates/${id(certificateId)}/close`,
      body,
    ),

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
  unitReconciliation: (unitId: string) => xlsx(`/api/units/${id(unitId)}/reconciliation.xlsx`),
  deliveryManifest: (batchId: string) => xlsx(`/api/batches/${id(batchId)}/delivery-manifest.xlsx`),
  pickupNotice: (batchId: string) => xlsx(`/api/batches/${id(batchId)}/pickup-notice.xlsx`),
  receipt: (batchId: string, copy: 'first' | 'second' = 'first') =>
    xlsx(`/api/batches/${id(batchId)}/receipt.xlsx`, { copy }),
  reissuePool: () => xlsx('/api/exports/reissue-pool.xlsx'),
  overdue: (kind: 'pickup' | 'collection') => xlsx('/api/exports/overdue.xlsx', { kind }),
  missingInstitution: () => xlsx('/api/exports/missing-community-institution.xlsx'),
};
