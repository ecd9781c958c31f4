import { uuidText } from '../../common/validation/uuid-text.js';
import {
  BATCH_ROUTES,
  BATCH_STATES,
  type BatchRoute,
  type BatchState,
  type CardState,
  deliveryRequestSchema,
  dispatchRequestSchema,
  oneOf,
  pickupRequestSchema,
  receiverRequestSchema,
} from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';

/** The request bodies are the rules' schemas, which the admin's forms check with too. */
export const dispatchBody = dispatchRequestSchema;
export type DispatchBody = z.output<typeof dispatchBody>;
export const receiverBody = receiverRequestSchema;
export const deliveryBody = deliveryRequestSchema;
export type DeliveryBody = z.output<typeof deliveryBody>;
export const pickupBody = pickupRequestSchema;
export type PickupBody = z.output<typeof pickupBody>;

export const batchListQuery = pageQuery(['number', 'createdAt', 'cardCount'] as const).extend({
  route: oneOf(BATCH_ROUTES, '发放方式', 'Route').optional(),
  state: oneOf(BATCH_STATES, '批次状态', 'Batch state').optional(),
  unitId: uuidText('参保单位', 'Unit').optional(),
  /** The batches one dispatch made (its result page lists them, paged). */
  dispatchId: uuidText('分发', 'Dispatch').optional(),
});
export type BatchListQuery = z.output<typeof batchListQuery>;

export const noticeListQuery = pageQuery(['createdAt'] as const).extend({
  kind: oneOf(['name_receiver', 'pickup'] as const, '通知类型', 'Notice kind').optional(),
  batchId: uuidText('批次', 'Batch').optional(),
  unitId: uuidText('参保单位', 'Unit').optional(),
});
export type NoticeListQuery = z.output<typeof noticeListQuery>;

/**
 * The cards of a batch move together, so the batch's state says which card state its cards are
 * in; the card transitions are decided from that state by the rules.
 */
export const CARD_STATE_OF_BATCH: Record<BatchState, CardState> = {
  awaiting_receiver: 'in_batch',
  awaiting_delivery: 'in_batch',
  awaiting_pickup: 'awaiting_pickup',
  at_unit: 'at_unit',
  returned: 'returned',
};

export interface UnitRef {
  id: string;
  name: string;
}

export interface BatchView {
  id: string;
  districtId: string;
  dispatchId: string;
  number: string;
  route: BatchRoute;
  routeLabel: { zh: string; en: string };
  state: BatchState;
  stateLabel: { zh: string; en: string };
  unit: UnitRef & { registrationCode: string };
  eligibleCount: number;
  cardCount: number;
  receiver: { name: string; phone: string } | null;
  pickupPlace: string | null;
  pickupDeadline: string | null;
  deliveredTo: 'unit' | 'district_centre' | null;
  createdAt: string;
}

export interface NoticeView {
  id: string;
  kind: 'name_receiver' | 'pickup';
  batchId: string;
  batchNumber: string;
  unit: UnitRef;
  body: unknown;
  createdAt: string;
}

export interface PickupView {
  credentialKind: string;
  credentialCode: string;
  collectorName: string;
  pickedUpOn: string;
  recordedAt: string;
}

export interface BatchDetail extends BatchView {
  notices: NoticeView[];
  pickup: PickupView | null;
  cardsByState: Partial<Record<CardState, number>>;
}

export interface DispatchResult {
  dispatchId: string;
  batchCount: number;
  cardCount: number;
  /** Number of batches per route (N-2.2a / N-2.2b). */
  byRoute: Record<BatchRoute, number>;
}
