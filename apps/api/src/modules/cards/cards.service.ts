import { Injectable } from '@nestjs/common';
import { CARD_STATE_LABELS, maskIdNumber, normaliseIdNumber } from '@sscard/rules';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { NotFound } from '../../common/errors/api-errors.js';
import type { Page } from '../../common/validation/paging.js';
import type {
  CardClassesQuery,
  CardClassView,
  CardDetail,
  CardListQuery,
  CardView,
} from './cards.dto.js';
import { type CardRow, CardsRepository } from './cards.repository.js';

const CARD = { zh: '社保卡', en: 'Card' };

function toView(row: CardRow): CardView {
  const label = CARD_STATE_LABELS[row.state];
  return {
    id: row.id,
    cardNumber: row.cardNumber,
    state: row.state,
    stateLabel: { zh: label.zh, en: label.en },
    problem: row.problem,
    holderName: row.holderName,
    idNumberMasked: maskIdNumber(row.idNumber),
    className: row.className,
    madeForUnit: { id: row.madeForUnitId, name: row.madeForUnitName },
    currentUnit:
      row.currentUnitId && row.currentUnitName
        ? { id: row.currentUnitId, name: row.currentUnitName }
        : null,
    batchId: row.batchId,
    batchNumber: row.batchNumber,
    signature:
      row.signerKind && row.signerName && row.signedOn
        ? { signerKind: row.signerKind, signerName: row.signerName, signedOn: row.signedOn }
        : null,
    updatedAt: row.updatedAt,
  };
}

@Injectable()
export class CardsService {
  constructor(private readonly cards: CardsRepository) {}

  async list(actor: Actor, q: CardListQuery): Promise<Page<CardView>> {
    const idNumber = q.search ? normaliseIdNumber(q.search) : undefined;
    const { rows, total } = await this.cards.list(scopeOf(actor), q, idNumber);
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }

  async classes(actor: Actor, q: CardClassesQuery): Promise<{ items: CardClassView[] }> {
    return { items: await this.cards.classes(scopeOf(actor), q) };
  }

  async get(actor: Actor, id: string): Promise<CardDetail> {
    const row = await this.cards.find(scopeOf(actor), id);
    if (!row) throw new NotFound(CARD);
    return { ...toView(row), history: await this.cards.history(row.id, row.batchId) };
  }
}
