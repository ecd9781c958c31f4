import {
  type BatchRoute,
  bi,
  type CardState,
  PICKUP_CREDENTIAL_KINDS,
  PICKUP_CREDENTIAL_LABELS,
  routeBatch,
  transitionCard,
} from '@sscard/rules';
import type { BatchPlan, InsertedBatch, UnitCardCount } from './dispatch.repository.js';

interface RouteOutcome {
  cardState: CardState;
  /** N-2.2b: the unit is told to collect at the named place by the deadline. */
  pickupNotified: boolean;
}

/**
 * Where a dispatched card of this route ends, as the card lifecycle decides: every card is
 * added to a batch; a pickup batch's cards are then notified for pickup (N-2.2b); the rules
 * refuse that for a direct-delivery batch, whose cards stay in the batch until delivery (N-2.2a).
 */
function routeOutcome(route: BatchRoute): RouteOutcome {
  const added = transitionCard('made', { type: 'add_to_batch' });
  if (!added.ok) throw new Error(added.message);
  const notified = transitionCard(added.to, { type: 'notify_pickup', route });
  return notified.ok
    ? { cardState: notified.to, pickupNotified: true }
    : { cardState: added.to, pickupNotified: false };
}

export interface PickupNotice {
  place: string;
  deadline: string;
}

/** One batch per unit, routed by routeBatch on the unit's aggregated card count. */
export function planBatches(
  units: UnitCardCount[],
  numberPrefix: string,
  firstSequence: number,
  notice: PickupNotice,
): BatchPlan[] {
  const outcomes = new Map<BatchRoute, RouteOutcome>();
  return units.map((u, i) => {
    const route = routeBatch(u.cardCount);
    let outcome = outcomes.get(route);
    if (!outcome) {
      outcome = routeOutcome(route);
      outcomes.set(route, outcome);
    }
    return {
      unitId: u.unitId,
      number: `${numberPrefix}${String(firstSequence + i).padStart(4, '0')}`,
      route,
      cardCount: u.cardCount,
      // N-2.2a: before a delivery to the unit, the unit names a receiving person.
      batchState: outcome.pickupNotified ? 'awaiting_pickup' : 'awaiting_receiver',
      pickupPlace: outcome.pickupNotified ? notice.place : null,
      pickupDeadline: outcome.pickupNotified ? notice.deadline : null,
    };
  });
}

/** The notice each unit gets: collect by the deadline (N-2.2b) or name a receiver (N-2.2a). */
export function noticeFor(
  batch: InsertedBatch,
  unit: UnitCardCount,
  notice: PickupNotice,
): { batchId: string; unitId: string; kind: 'pickup' | 'name_receiver'; body: unknown } {
  const common = {
    batchNumber: batch.number,
    unitName: unit.unitName,
    registrationCode: unit.registrationCode,
    cardCount: batch.cardCount,
  };
  if (batch.state === 'awaiting_pickup') {
    const credentials = PICKUP_CREDENTIAL_KINDS.map((kind) => ({
      kind,
      ...PICKUP_CREDENTIAL_LABELS[kind],
    }));
    return {
      batchId: batch.id,
      unitId: batch.unitId,
      kind: 'pickup',
      body: {
        clause: 'N-2.2b',
        ...common,
        place: notice.place,
        deadline: notice.deadline,
        credentials,
        message: bi(
          `${unit.unitName}：请于${notice.deadline}前（含当日）到${notice.place}领取本单位${batch.cardCount}张社保卡（批次${batch.number}），届时须携带${credentials.map((c) => c.zh).join('或')}，社会保险登记证编码：${unit.registrationCode}。`,
          `${unit.unitName}: collect your ${batch.cardCount} cards (batch ${batch.number}) at ${notice.place} by ${notice.deadline} inclusive, bringing ${credentials.map((c) => c.en).join(' or ')} (registration code ${unit.registrationCode}).`,
        ),
      },
    };
  }
  return {
    batchId: batch.id,
    unitId: batch.unitId,
    kind: 'name_receiver',
    body: {
      clause: 'N-2.2a',
      ...common,
      message: bi(
        `${unit.unitName}：本单位${batch.cardCount}张社保卡（批次${batch.number}）将由社会保障卡集成服务商直接送达，请指定专人接收，并将接收人姓名和电话告知区县社保中心。`,
        `${unit.unitName}: the card vendor will deliver your ${batch.cardCount} cards (batch ${batch.number}) directly; name a receiving person and give the district centre their name and phone.`,
      ),
    },
  };
}
