import { Injectable } from '@nestjs/common';
import { bi, maskIdNumber, samePersonName, transitionCard } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import {
  NotFound,
  RuleRefused,
  StateConflict,
  ValidationFailed,
} from '../../common/errors/api-errors.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { eventDate } from '../../common/validation/event-date.js';
import type { Page } from '../../common/validation/paging.js';
import type {
  ReissueBody,
  ReissueView,
  ServicePointQuery,
  ServicePointView,
} from './reissues.dto.js';
import { ReissuesRepository } from './reissues.repository.js';

const SERVICE_POINT = { zh: '社保卡服务网点', en: 'Service point' };

@Injectable()
export class ReissuesService {
  constructor(
    private readonly reissues: ReissuesRepository,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async servicePoints(actor: Actor, q: ServicePointQuery): Promise<Page<ServicePointView>> {
    const { rows, total } = await this.reissues.servicePoints(scopeOf(actor), q);
    return { items: rows, total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * N-2.4d: after 2011-03-01 a parent applies at the street office's service point with the
   * child's and their own ID card or household register; the card leaves the reissue pool.
   */
  async reissue(
    actor: Actor,
    body: ReissueBody,
    idempotencyKey: string | undefined,
  ): Promise<ReissueView> {
    const appliedOn = eventDate(body.appliedOn, this.clock.today(), 'appliedOn');
    const request = { ...body, appliedOn };
    return this.idempotency.run(actor, idempotencyKey, request, async () => {
      const scope = scopeOf(actor);
      const point = await this.reissues.findServicePoint(scope, body.servicePointId);
      if (!point) throw new NotFound(SERVICE_POINT);
      const [card] = await this.reissues.holderCards(scope, body.idKind, body.idNumber);
      if (!card) {
        throw new StateConflict(
          bi(
            '本区县没有此人的社保卡，二次发行库中无卡可发；请先拨打96102确认制卡情况',
            'No card of this person is in this district’s reissue pool; call 96102 to confirm the card first',
          ),
          'N-2.4d',
        );
      }
      if (!samePersonName(card.holderName, body.holderName)) {
        throw new ValidationFailed({
          holderName: bi(
            '参保人姓名与证件号码对应的社保卡不符',
            'The holder name does not match the card of this ID number',
          ),
        });
      }
      const decision = transitionCard(card.state, {
        type: 'reissue',
        date: appliedOn,
        holderDocument: body.holderDocument,
        applicantDocument: body.applicantDocument,
      });
      if (!decision.ok) throw new RuleRefused(decision.clause, decision.message);
      const row = await this.reissues.reissue(card.id, decision.to, {
        servicePointId: point.id,
        applicantName: body.applicantName,
        holderDocument: body.holderDocument,
        applicantDocument: body.applicantDocument,
        appliedOn,
        recordedBy: actor.userId,
      });
      if (!row) {
        throw new StateConflict(
          bi('该社保卡刚被二次发行或已移出二次发行库', 'The card was reissued or moved meanwhile'),
          'N-2.4d',
        );
      }
      const idNumberMasked = maskIdNumber(card.idNumber);
      await this.audit.append(actor, [
        {
          districtId: card.districtId,
          entity: 'reissue',
          entityId: row.id,
          action: 'create',
          // Masked: the audit log is read by staff lists, the full number stays in resident.
          after: {
            cardId: card.id,
            idNumberMasked,
            applicantName: body.applicantName,
            holderDocument: body.holderDocument,
            applicantDocument: body.applicantDocument,
            servicePointId: point.id,
            appliedOn,
          },
        },
        {
          districtId: card.districtId,
          entity: 'card',
          entityId: card.id,
          action: 'reissue',
          before: { state: card.state },
          after: { state: decision.to, reissueId: row.id },
        },
      ]);
      return {
        id: row.id,
        clause: 'N-2.4d',
        cardId: card.id,
        cardNumber: card.cardNumber,
        holderName: card.holderName,
        idNumberMasked,
        state: decision.to,
        applicantName: body.applicantName,
        holderDocument: body.holderDocument,
        applicantDocument: body.applicantDocument,
        servicePoint: { id: point.id, name: point.name },
        appliedOn,
        recordedAt: new Date(row.recordedAt).toISOString(),
      };
    });
  }
}
