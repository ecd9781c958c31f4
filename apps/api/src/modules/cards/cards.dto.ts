import {
  type BatchRoute,
  type BatchState,
  bi,
  type CardState,
  cardStateSchema,
  oneOf,
  text,
  vendorCardSchema,
} from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';
import { uuidText } from '../../common/validation/uuid-text.js';

/** One vendor list per request; the Excel import (a later issue) feeds the same use case. */
export const VENDOR_LIST_MAX = 5000;

export const vendorListBody = z.object({
  cards: z
    .array(vendorCardSchema, { error: bi('社保卡清单必须是列表', 'Cards must be a list') })
    .min(1, bi('清单中至少要有一张卡', 'The list needs at least one card'))
    .max(
      VENDOR_LIST_MAX,
      bi(`每次最多导入${VENDOR_LIST_MAX}张卡`, `At most ${VENDOR_LIST_MAX} cards per request`),
    ),
});
export type VendorListBody = z.output<typeof vendorListBody>;

export const cardListQuery = pageQuery(['holderName', 'state', 'updatedAt'] as const).extend({
  state: cardStateSchema.optional(),
  unitId: uuidText('制卡单位', 'Made-for unit').optional(),
  batchId: uuidText('批次', 'Batch').optional(),
  /** N-2.3: the holder's class (班级), matched exactly. */
  className: text('班级', 'Class').optional(),
});
export type CardListQuery = z.output<typeof cardListQuery>;

/** N-2.3: the classes of the cards a list would show (same filters but the class itself). */
export const cardClassesQuery = z.object({
  state: cardStateSchema.optional(),
  unitId: uuidText('制卡单位', 'Made-for unit').optional(),
  batchId: uuidText('批次', 'Batch').optional(),
});
export type CardClassesQuery = z.output<typeof cardClassesQuery>;

/** One class and how many of the matching cards its children hold. */
export interface CardClassView {
  className: string;
  cards: number;
}

export const overdueQuery = pageQuery(['unitName', 'cardCount', 'deadline'] as const).extend({
  kind: oneOf(['pickup', 'collection'] as const, '逾期类型', 'Overdue kind'),
});
export type OverdueQuery = z.output<typeof overdueQuery>;

export interface Labelled {
  zh: string;
  en: string;
}

export interface CardView {
  id: string;
  cardNumber: string | null;
  state: CardState;
  stateLabel: Labelled;
  /** N-2.6: what kept the card from being made. */
  problem: string | null;
  holderName: string;
  idNumberMasked: string;
  /** N-2.3: the holder's class (班级), when the roster gave one. */
  className: string | null;
  /** N-2.4a: the card belongs to the unit it was made for; the holder's unit may differ. */
  madeForUnit: { id: string; name: string };
  currentUnit: { id: string; name: string } | null;
  batchId: string | null;
  batchNumber: string | null;
  signature: { signerKind: string; signerName: string; signedOn: string } | null;
  updatedAt: string;
}

export interface CardHistoryEntry {
  at: string;
  actorRole: string;
  entity: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface CardDetail extends CardView {
  history: CardHistoryEntry[];
}

export interface VendorListResult {
  imported: number;
  made: number;
  notMade: number;
  /** N-2.6: cards that were "not made: data problem" and are now made. */
  recollected: number;
}

export interface DashboardView {
  today: string;
  cardsByState: Record<CardState, number>;
  batches: { route: BatchRoute; state: BatchState; batches: number; cards: number }[];
  pickupsDue: {
    total: number;
    items: {
      batchId: string;
      number: string;
      unit: { id: string; name: string };
      deadline: string;
      cardCount: number;
      overdue: boolean;
    }[];
  };
  returnsReceived: { returns: number; cards: number };
  reissuePool: number;
  overdue: {
    pickup: { clause: string; units: number; batches: number; cards: number };
    collection: { clause: string; deadline: string; units: number; cards: number };
  };
}

export interface OverdueItem {
  unit: { id: string; name: string; registrationCode: string };
  kind: 'pickup' | 'collection';
  clause: string;
  deadline: string;
  cardCount: number;
  batches: { id: string; number: string; deadline: string; cardCount: number }[];
}
