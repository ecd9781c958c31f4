import type { ResidentDetail } from '../../api/contract.js';

export const RESIDENT_ID = '5f0c7c1e-0000-4000-8000-0000000000e1';
export const UNIT_ID = '5f0c7c1e-0000-4000-8000-0000000000b1';

/** A resident as GET /api/residents/:id returns it; tests override the fields that matter. */
export function residentDetail(patch: Partial<ResidentDetail> = {}): ResidentDetail {
  return {
    id: RESIDENT_ID,
    districtId: '110105',
    name: '赵建国',
    idKind: 'resident',
    idNumber: '110105********002X',
    idNumberMasked: true,
    birthDate: '1949-12-31',
    category: 'elderly',
    subsidyFlags: [],
    currentUnit: { id: UNIT_ID, name: '麦子店街道社会保障事务所' },
    className: null,
    createdAt: '2011-01-10T02:00:00.000Z',
    designatedInstitutions: [],
    subsidyVerifications: [],
    enrolments: [],
    cards: [],
    categoryChanges: [],
    temporaryCertificate: null,
    ...patch,
  };
}

export const ENROLMENT = {
  id: '5f0c7c1e-0000-4000-8000-0000000000f1',
  policyYear: 2011,
  category: 'elderly' as const,
  enrolledOn: '2011-01-10',
  paymentMethod: 'cash',
  feeYuan: 300,
  exempt: false,
  paid: false,
  unit: { id: UNIT_ID, name: '麦子店街道社会保障事务所' },
};
