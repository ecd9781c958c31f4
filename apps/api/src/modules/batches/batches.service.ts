import { Injectable } from '@nestjs/common';
import {
  BATCH_ROUTE_LABELS,
  BATCH_STATE_LABELS,
  CARD_STATE_LABELS,
  type CardState,
  maskIdNumber,
} from '@sscard/rules';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import type {
  BatchDetail,
  BatchListQuery,
  BatchView,
  NoticeListQuery,
  NoticeView,
} from './batches.dto.js';
import { type BatchRow, BatchesRepository } from './batches.repository.js';

export const BATCH = { zh: '发放批次', en: 'Batch' };

const label = (l: { zh: string; en: string }) => ({ zh: l.zh, en: l.en });

export function toBatchView(row: BatchRow): BatchView {
  return {
    id: row.id,
    districtId: row.districtId,
    dispatchId: row.dispatchId,
    number: row.number,
    route: row.route,
    routeLabel: label(BATCH_ROUTE_LABELS[row.route]),
    state: row.state,
    stateLabel: label(BATCH_STATE_LABELS[row.state]),
    unit: { id: row.unitId, name: row.unitName, registrationCode: row.unitRegistrationCode },
    eligibleCount: row.eligibleCount,
    cardCount: row.cardCount,
    receiver:
      row.receiverName && row.receiverPhone
        ? { name: row.receiverName, phone: row.receiverPhone }
        : null,
    pickupPlace: row.pickupPlace,
    pickupDeadline: row.pickupDeadline,
    deliveredTo: row.deliveredTo,
    createdAt: row.createdAt,
  };
}

export interface ManifestView {
  /** N-2.2a: the vendor's delivery manifest; N-2.2b: the pickup notice with its card list. */
  kind: 'delivery_manifest' | 'pickup_notice';
  batch: BatchView;
  notice: NoticeView | null;
  cards: {
    cardNumber: string | null;
    holderName: string;
    idNumberMasked: string;
    state: CardState;
    stateLabel: { zh: string; en: string };
  }[];
}

@Injectable()
export class BatchesService {
  constructor(private readonly batches: BatchesRepository) {}

  async list(actor: Actor, q: BatchListQuery): Promise<Page<BatchView>> {
    const { rows, total } = await this.batches.list(scopeOf(actor), q);
    return { items: rows.map(toBatchView), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<BatchDetail> {
    const row = await this.batches.find(scopeOf(actor), id);
    if (!row) throw new NotFound(BATCH);
    const [notices, pickup, counts] = await Promise.all([
      this.batches.notices(scopeOf(actor), {
        batchId: id,
        page: 1,
        pageSize: 200,
        sort: 'createdAt',
        order: 'asc',
      }),
      this.batches.pickupOf(id),
      this.batches.cardsByState(id),
    ]);
    return {
      ...toBatchView(row),
      notices: notices.rows,
      pickup: pickup ?? null,
      cardsByState: Object.fromEntries(counts.map((c) => [c.state, c.count])),
    };
  }

  async notices(actor: Actor, q: NoticeListQuery): Promise<Page<NoticeView>> {
    const { rows, total } = await this.batches.notices(scopeOf(actor), q);
    return { items: rows, total, page: q.page, pageSize: q.pageSize };
  }

  async manifest(actor: Actor, id: string): Promise<ManifestView> {
    const row = await this.batches.find(scopeOf(actor), id);
    if (!row) throw new NotFound(BATCH);
    const [notices, cards] = await Promise.all([
      this.batches.notices(scopeOf(actor), {
        batchId: id,
        page: 1,
        pageSize: 1,
        sort: 'createdAt',
        order: 'desc',
      }),
      this.batches.manifestCards(id),
    ]);
    return {
      kind: row.route === 'direct_delivery' ? 'delivery_manifest' : 'pickup_notice',
      batch: toBatchView(row),
      notice: notices.rows[0] ?? null,
      cards: cards.map((c) => ({
        cardNumber: c.cardNumber,
        holderName: c.holderName,
        idNumberMasked: maskIdNumber(c.idNumber),
        state: c.state,
        stateLabel: label(CARD_STATE_LABELS[c.state]),
      })),
    };
  }
}
