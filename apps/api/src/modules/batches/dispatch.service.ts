import { Injectable } from '@nestjs/common';
import { bi, compareDates } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { StateConflict, ValidationFailed } from '../../common/errors/api-errors.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import type { DispatchBody, DispatchResult } from './batches.dto.js';
import { noticeFor, planBatches } from './dispatch-plan.js';
import { DispatchRepository } from './dispatch.repository.js';

/**
 * N-2.2a / N-2.2b: the district centre dispatches every made card of the district at once —
 * one batch per made-for unit, routed by the 600 threshold, with the unit's notice. The district
 * lock keeps vendor-list intakes of the district out meanwhile (they take it too), so the range
 * of intake numbers recorded on the dispatch is exactly the set of cards counted.
 */
@Injectable()
export class DispatchService {
  constructor(
    private readonly repo: DispatchRepository,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async dispatch(
    actor: Actor,
    body: DispatchBody,
    idempotencyKey: string | undefined,
  ): Promise<DispatchResult> {
    const districtId = this.districtOf(actor, body);
    const today = this.clock.today();
    if (compareDates(body.pickupDeadline, today) < 0) {
      throw new ValidationFailed({
        pickupDeadline: bi('领取期限不能早于今天', 'The pickup deadline cannot be before today'),
      });
    }
    const request = { ...body, districtId };
    return this.idempotency.run(actor, idempotencyKey, request, async () => {
      if (!(await this.repo.lockDistrict(districtId))) {
        throw new ValidationFailed({ districtId: bi('区县不存在', 'Unknown district') });
      }
      // N-2.2a: the cards taken are the made, unbatched ones that arrived since the last
      // dispatch (by intake number); recorded as a range, so no card row is written here.
      const intakeFrom = await this.repo.nextIntakeFrom(districtId);
      const units = await this.repo.madeCardsByUnit(districtId, intakeFrom);
      if (units.length === 0) {
        throw new StateConflict(
          bi('本区县没有待分发的已制社保卡', 'No made cards are waiting to be dispatched'),
          'N-2.2a',
        );
      }
      const intakeUpto = units.reduce(
        (max, u) => (BigInt(u.lastIntake) > BigInt(max) ? u.lastIntake : max),
        intakeFrom,
      );
      const prefix = `${districtId}-${today.replaceAll('-', '')}-`;
      const first = (await this.repo.lastBatchSequence(prefix)) + 1;
      const notice = { place: body.pickupPlace, deadline: body.pickupDeadline };
      const plans = planBatches(units, prefix, first, notice);
      const cardCount = plans.reduce((n, p) => n + p.cardCount, 0);
      const dispatchId = await this.repo.insertDispatch({
        districtId,
        pickupPlace: body.pickupPlace,
        pickupDeadline: body.pickupDeadline,
        batchCount: plans.length,
        cardCount,
        intakeFrom,
        intakeUpto,
        createdBy: actor.userId,
      });
      const batches = await this.repo.insertBatches(districtId, dispatchId, plans);
      const unitsById = new Map(units.map((u) => [u.unitId, u]));
      await this.repo.insertNotices(
        districtId,
        batches.flatMap((b) => {
          const unit = unitsById.get(b.unitId);
          return unit ? [noticeFor(b, unit, notice)] : [];
        }),
      );
      await this.audit.append(actor, [
        {
          districtId,
          entity: 'dispatch',
          entityId: dispatchId,
          action: 'dispatch',
          after: { ...notice, batchCount: batches.length, cardCount },
        },
        ...batches.map((b) => ({
          districtId,
          entity: 'batch',
          entityId: b.id,
          action: 'dispatch',
          after: {
            number: b.number,
            route: b.route,
            state: b.state,
            unitId: b.unitId,
            cardCount: b.cardCount,
          },
        })),
      ]);
      return {
        dispatchId,
        batchCount: batches.length,
        cardCount,
        byRoute: {
          direct_delivery: batches.filter((b) => b.route === 'direct_delivery').length,
          pickup: batches.filter((b) => b.route === 'pickup').length,
        },
      };
    });
  }

  private districtOf(actor: Actor, body: DispatchBody): string {
    if (actor.role === 'system_admin') {
      if (!body.districtId) {
        throw new ValidationFailed({
          districtId: bi('请指定区县', 'Name the district to dispatch'),
        });
      }
      return body.districtId;
    }
    if (!actor.districtId || (body.districtId && body.districtId !== actor.districtId)) {
      throw new ValidationFailed({
        districtId: bi('只能分发本区县的社保卡', 'You can dispatch your own district only'),
      });
    }
    return actor.districtId;
  }
}
