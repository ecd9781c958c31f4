import {
  checkIdNumber,
  type ReissueDocumentKind,
  reissueApplicationSchema,
  whenFieldsValid,
} from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';
import { uuidText } from '../../common/validation/uuid-text.js';

const fields = reissueApplicationSchema.shape;

/**
 * N-2.4d: the rules' application, with the service point as an id and the date defaulting to
 * today; the ID number is checked against its kind exactly as the rules schema does.
 */
export const reissueBody = z
  .object({
    ...fields,
    servicePointId: uuidText('服务网点', 'Service point'),
    appliedOn: fields.appliedOn.optional(),
  })
  .superRefine(
    (r, ctx) => checkIdNumber(ctx, r.idKind, r.idNumber),
    whenFieldsValid('idKind', 'idNumber'),
  );
export type ReissueBody = z.output<typeof reissueBody>;

export const servicePointQuery = pageQuery(['name'] as const);
export type ServicePointQuery = z.output<typeof servicePointQuery>;

export interface ServicePointView {
  id: string;
  districtId: string;
  name: string;
  address: string;
  streetOffice: string;
}

export interface ReissueView {
  id: string;
  clause: 'N-2.4d';
  cardId: string;
  cardNumber: string | null;
  holderName: string;
  idNumberMasked: string;
  state: string;
  applicantName: string;
  holderDocument: ReissueDocumentKind;
  applicantDocument: ReissueDocumentKind;
  servicePoint: { id: string; name: string };
  appliedOn: string;
  recordedAt: string;
}
