import { bi, returnSchema } from '@sscard/rules';
import { z } from 'zod';
import { pageQuery } from '../../common/validation/paging.js';
import { uuidText } from '../../common/validation/uuid-text.js';

/** N-2.4c: undistributed cards back to the district centre with the receipt's first copy. */
export const returnBody = returnSchema.extend({
  returnedOn: returnSchema.shape.returnedOn.optional(),
  cardIds: z
    .array(uuidText('社保卡', 'Card'), {
      error: bi('退回的社保卡必须是列表', 'Returned cards must be a list'),
    })
    .min(1, bi('至少退回一张社保卡', 'Return at least one card'))
    .max(5000, bi('一次最多退回5000张', 'At most 5000 cards at once'))
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: bi('同一张社保卡重复出现', 'The same card is listed twice'),
          });
        }
        seen.add(id);
      });
    }),
});
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
