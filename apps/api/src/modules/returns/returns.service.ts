import { Injectable } from '@nestjs/common';
import { bi, checkReturnSet, maskIdNumber, reconcileReceipt, transitionCard } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound, RuleRefused, StateConflict } from '../../common/errors/api-errors.js';
import { CardListConflict } from '../../common/errors/card-list-conflict.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { eventDate } from '../../common/validation/event-date.js';
import type { Page } from '../../common/validation/paging.js';
import type {
  PoolCardView,
  ReconciliationView,
  ReissuePoolQuery,
  ReturnBody,
  ReturnedCardView,
  ReturnView,
} from './returns.dto.js';
import { type CardLineRow, ReturnsRepository } from './returns.repository.js';

const BATCH = { zh: '发放批次', en: 'Batch' };

function cardView(row: CardLineRow): ReturnedCardView {
  return {
    cardId: row.cardId,
    cardNumber: row.cardNumber,
    holderName: row.holderName,
    idNumberMasked: maskIdNumber(row.idNumber),
    state: row.state,
  };
}

@Injectable()
export class ReturnsService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  /**
   * N-2.4c: after 2011-01-20 the unit returns the receipt's first copy and every undistributed
   * card; the district centre receives them into the reissue pool (二次发行库).
   */
  async returnCards(
    actor: Actor,
    batchId: string,
    body: ReturnBody,
    idempotencyKey: string | undefined,
  ): Promise<ReturnView> {
    const returnedOn = eventDate(body.returnedOn, this.clock.today(), 'returnedOn');
    const request = { batchId, ...body, returnedOn };
    return this.idempotency.run(actor, idempotencyKey, request, async () => {
      const batch = await this.returns.findBatch(scopeOf(actor), batchId, true);
      if (!batch) throw new NotFound(BATCH);
      // The cards returned are those at the unit, so the rules decide for a card there.
      const returned = transitionCard('at_unit', {
        type: 'return',
        date: returnedOn,
        firstCopyReturned: body.firstCopyReturned,
      });
      if (!returned.ok) throw new RuleRefused(returned.clause, returned.message);
      const pooled = transitionCard(returned.to, { type: 'receive_into_pool' });
      if (!pooled.ok) throw new RuleRefused(pooled.clause, pooled.message);
      if (batch.state !== 'at_unit') {
        throw new StateConflict(
          bi(
            '该批次不在单位（尚未到达或已退回），不能退卡',
            'The batch is not at the unit (not yet arrived, or already returned)',
          ),
          'N-2.4c',
        );
      }
      const check = checkReturnSet(await this.returns.cardIdsAtUnit(batch.id), body.cardIds);
      if (!check.ok) {
        throw new CardListConflict(
          { error: 'rule_refused', clause: check.clause, message: check.message },
          { missing: check.missing, extra: check.extra },
        );
      }
      const returnId = await this.returns.insertReturn({
        districtId: batch.districtId,
        batchId: batch.id,
        returnedOn,
        cardCount: body.cardIds.length,
        recordedBy: actor.userId,
      });
      const moved = await this.returns.moveIntoReturn(batch.id, returnId, body.cardIds, pooled.to);
      if (moved.length !== body.cardIds.length) {
        const done = new Set(moved);
        throw new CardListConflict(
          {
            error: 'state_conflict',
            clause: 'N-2.4c',
            message: bi(
              '部分社保卡刚被签收或移动，未做任何退回',
              'Some cards were signed for or moved meanwhile; nothing was returned',
            ),
          },
          { notAtUnit: body.cardIds.filter((id) => !done.has(id)) },
        );
      }
      if (!(await this.returns.markBatchReturned(batch.id))) {
        throw new StateConflict(bi('该批次已被退回', 'The batch was returned meanwhile'), 'N-2.4c');
      }
      await this.audit.append(actor, [
        {
          districtId: batch.districtId,
          entity: 'card_return',
          entityId: returnId,
          action: 'create',
          after: {
            batchId: batch.id,
            returnedOn,
            firstCopyReturned: true,
            cardCount: moved.length,
          },
        },
        {
          districtId: batch.districtId,
          entity: 'batch',
          entityId: batch.id,
          action: 'return',
          before: { state: batch.state },
          after: { state: 'returned', returnId },
        },
        ...moved.map((cardId) => ({
          districtId: batch.districtId,
          entity: 'card',
          entityId: cardId,
          action: 'return_into_pool',
          before: { state: 'at_unit' },
          after: { state: pooled.to, via: returned.to, returnId },
        })),
      ]);
      const cards = (await this.returns.returnedCards(returnId)).map(cardView);
      return {
        id: returnId,
        batchId: batch.id,
        batchNumber: batch.number,
        returnedOn,
        firstCopyReturned: true,
        cardCount: cards.length,
        cards,
      };
    });
  }

  /** N-2.4c: received = signed + returned, each card exactly one of the two. */
  async reconciliation(actor: Actor, batchId: string): Promise<ReconciliationView> {
    const batch = await this.returns.findBatch(scopeOf(actor), batchId);
    if (!batch) throw new NotFound(BATCH);
    const rows = await this.returns.batchCards(batch.id);
    const r = reconcileReceipt(
      rows.map((row) => ({ ...cardView(row), signed: row.signed, returned: row.returned })),
    );
    return {
      clause: 'N-2.4c',
      batch: { id: batch.id, number: batch.number, state: batch.state },
      received: r.received,
      signed: r.signed,
      returned: r.returned,
      balanced: r.balanced,
      cards: r.cards,
      differences: r.differences,
    };
  }

  /** 二次发行库 of the caller's district (the admin sees every district). */
  async pool(actor: Actor, q: ReissuePoolQuery): Promise<Page<PoolCardView>> {
    const { rows, total } = await this.returns.pool(scopeOf(actor), q);
    return {
      items: rows.map((row) => ({
        cardId: row.cardId,
        cardNumber: row.cardNumber,
        holderName: row.holderName,
        idNumberMasked: maskIdNumber(row.idNumber),
        districtId: row.districtId,
        unit: { id: row.unitId, name: row.unitName },
        batchNumber: row.batchNumber,
        returnedOn: row.returnedOn,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
