import { returnRequestSchema } from '@sscard/rules';
import type { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';

/** N-2.4c: the rules' request schema, shared with the admin's return forms. */
export const returnBody = returnRequestSchema;
export type ReturnBody = z.output<typeof returnBody>;

export const reissuePoolQuery = pageQuery(['holderName', 'cardNumber', 'returnedOn'] as const);
export type ReissuePoolQuery = z.output<typeof reissuePoolQuery>;

export interface ReturnedCardView {
  cardId: string;
  cardNumber: string | null;
  holderName: string;
  idNumberMasked: string;
  state: string;
}

export interface ReturnView {
  id: string;
  batchId: string;
  batchNumber: string;
  returnedOn: string;
  firstCopyReturned: true;
  cardCount: number;
  cards: ReturnedCardView[];
}

export interface ReconciliationCardView extends ReturnedCardView {
  signed: boolean;
  returned: boolean;
  status: 'signed' | 'returned' | 'neither' | 'both';
}

export interface ReconciliationView {
  clause: 'N-2.4c';
  batch: { id: string; number: string; state: string };
  received: number;
  signed: number;
  returned: number;
  balanced: boolean;
  cards: ReconciliationCardView[];
  differences: ReconciliationCardView[];
}

export interface PoolCardView {
  cardId: string;
  cardNumber: string | null;
  holderName: string;
  idNumberMasked: string;
  districtId: string;
  unit: { id: string; name: string };
  batchNumber: string | null;
  returnedOn: string | null;
}
