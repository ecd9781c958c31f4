import { Injectable } from '@nestjs/common';
import {
  type BatchState,
  bi,
  type CardState,
  normaliseRegistrationCode,
  transitionCard,
} from '@sscard/rules';
import type { z } from 'zod';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound, RuleRefused, StateConflict } from '../../common/errors/api-errors.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { eventDate } from '../../common/validation/event-date.js';
import { DatabaseContext } from '../../database/database-context.js';
import {
  type BatchView,
  CARD_STATE_OF_BATCH,
  type DeliveryBody,
  type PickupBody,
  type PickupView,
  type receiverBody,
} from './batches.dto.js';
import { type BatchRow, BatchesRepository } from './batches.repository.js';
import { BATCH, toBatchView } from './batches.service.js';

export interface HandoverResult {
  batch: BatchView;
  cardsMoved: number;
}

/** The batch takes the state its cards reach (the two share the names at_unit / awaiting_pickup). */
function batchStateFor(cards: CardState): BatchState {
  if (cards === 'at_unit' || cards === 'awaiting_pickup') return cards;
  throw new Error(`no batch state for cards in ${cards}`);
}

const CHANGED = bi(
  '批次状态已被他人更改，请刷新后重试',
  'The batch changed meanwhile; reload and retry',
);

/** N-2.2a / N-2.2b: the cards' way from the batch to the unit — receiver, delivery, pickup. */
@Injectable()
export class BatchHandoverService {
  constructor(
    private readonly batches: BatchesRepository,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  private async locked(actor: Actor, id: string): Promise<BatchRow> {
    const row = await this.batches.find(scopeOf(actor), id, true);
    if (!row) throw new NotFound(BATCH);
    return row;
  }

  /**
   * The batch's cards take the state the rules gave (`to`). Dispatch wrote no card row, so the
   * members are still made and unbatched: on reaching the unit ONE guarded UPDATE writes them
   * into the batch; while they wait at the district centre the batch state alone says so
   * (card_current). Cards of batches dispatched before the intake ranges are moved as stored.
   * Anything but exactly card_count cards is a conflict and rolls the handover back.
   */
  private async moveCards(batch: BatchRow, from: CardState, to: CardState): Promise<number> {
    const stored = await this.batches.moveStoredCards(batch.id, from, to);
    const members =
      to === 'at_unit'
        ? await this.batches.moveMembersToUnit(batch.id, to)
        : await this.batches.countMembers(batch.id);
    if (stored + members !== batch.cardCount) {
      throw new StateConflict(
        bi('批次中的社保卡有变化，请刷新后重试', "The batch's cards changed; reload and retry"),
      );
    }
    return stored + members;
  }

  private async reload(actor: Actor, id: string): Promise<BatchView> {
    const row = await this.batches.find(scopeOf(actor), id);
    if (!row) throw new NotFound(BATCH);
    return toBatchView(row);
  }

  /** N-2.2a: before a delivery to the unit, the unit names a receiving person. */
  async nameReceiver(
    actor: Actor,
    id: string,
    body: z.output<typeof receiverBody>,
  ): Promise<BatchView> {
    return this.db.transaction(async () => {
      const batch = await this.locked(actor, id);
      // Naming a receiver prepares a delivery to the unit: the rules say whether one may happen.
      const rule = transitionCard(CARD_STATE_OF_BATCH[batch.state], {
        type: 'deliver',
        route: batch.route,
        destination: 'unit',
        receiverNamed: true,
      });
      if (!rule.ok) throw new RuleRefused(rule.clause, rule.message);
      if (!(await this.batches.setReceiver(id, body.name, body.phone))) {
        throw new StateConflict(CHANGED);
      }
      await this.audit.append(actor, [
        {
          districtId: batch.districtId,
          entity: 'batch',
          entityId: id,
          action: 'name_receiver',
          before: { state: batch.state, receiverName: batch.receiverName },
          after: { state: 'awaiting_delivery', receiverName: body.name },
        },
      ]);
      return this.reload(actor, id);
    });
  }

  /** N-2.2a: the vendor delivered the batch to the unit or to the district centre. */
  async deliver(actor: Actor, id: string, body: DeliveryBody): Promise<HandoverResult> {
    const deliveredOn = eventDate(body.deliveredOn, this.clock.today(), 'deliveredOn');
    return this.db.transaction(async () => {
      const batch = await this.locked(actor, id);
      const from = CARD_STATE_OF_BATCH[batch.state];
      const rule = transitionCard(from, {
        type: 'deliver',
        route: batch.route,
        destination: body.destination,
        receiverNamed: batch.receiverName !== null,
      });
      if (!rule.ok) throw new RuleRefused(rule.clause, rule.message);
      const to = batchStateFor(rule.to);
      if (!(await this.batches.changeState(id, batch.state, to, body.destination))) {
        throw new StateConflict(CHANGED);
      }
      const cardsMoved = await this.moveCards(batch, from, rule.to);
      await this.audit.append(actor, [
        {
          districtId: batch.districtId,
          entity: 'batch',
          entityId: id,
          action: 'deliver',
          before: { state: batch.state },
          after: { state: to, destination: body.destination, deliveredOn, cardsMoved },
        },
      ]);
      return { batch: await this.reload(actor, id), cardsMoved };
    });
  }

  /**
   * N-2.2b: the unit collects its batch with a credential carrying its registration code. A
   * retry with the same Idempotency-Key returns the first answer.
   */
  async pickup(
    actor: Actor,
    id: string,
    body: PickupBody,
    idempotencyKey: string | undefined,
  ): Promise<HandoverResult & { pickup: PickupView | null }> {
    const pickedUpOn = eventDate(body.pickedUpOn, this.clock.today(), 'pickedUpOn');
    const request = { batchId: id, ...body, pickedUpOn };
    return this.idempotency.run(actor, idempotencyKey, request, async () => {
      const batch = await this.locked(actor, id);
      const from = CARD_STATE_OF_BATCH[batch.state];
      const rule = transitionCard(from, {
        type: 'pickup',
        credentialKind: body.credentialKind,
        credentialCode: body.credentialCode,
        unitRegistrationCode: batch.unitRegistrationCode,
      });
      if (!rule.ok) throw new RuleRefused(rule.clause, rule.message);
      const to = batchStateFor(rule.to);
      if (!(await this.batches.changeState(id, batch.state, to))) {
        throw new StateConflict(CHANGED);
      }
      const recorded = await this.batches.insertPickup({
        districtId: batch.districtId,
        batchId: id,
        credentialKind: body.credentialKind,
        credentialCode: normaliseRegistrationCode(body.credentialCode),
        collectorName: body.collectorName,
        pickedUpOn,
        recordedBy: actor.userId,
      });
      if (!recorded) throw new StateConflict(CHANGED);
      const cardsMoved = await this.moveCards(batch, from, rule.to);
      await this.audit.append(actor, [
        {
          districtId: batch.districtId,
          entity: 'batch',
          entityId: id,
          action: 'pickup',
          before: { state: batch.state },
          after: {
            state: to,
            credentialKind: body.credentialKind,
            collectorName: body.collectorName,
            pickedUpOn,
            cardsMoved,
          },
        },
      ]);
      return {
        batch: await this.reload(actor, id),
        pickup: (await this.batches.pickupOf(id)) ?? null,
        cardsMoved,
      };
    });
  }
}
