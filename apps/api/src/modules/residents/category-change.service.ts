import { Injectable } from '@nestjs/common';
import {
  annualFee,
  bi,
  type CardState,
  type Category,
  checkCategoryChange,
  compareDates,
  PolicyNotFoundError,
  transitionCard,
} from '@sscard/rules';
import type { z } from 'zod';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import {
  NotFound,
  RuleRefused,
  StateConflict,
  ValidationFailed,
} from '../../common/errors/api-errors.js';
import { DatabaseContext } from '../../database/database-context.js';
import { CategoryChangeRepository, type YearEnrolment } from './category-change.repository.js';
import type { CategoryChangeBody, syncedBody } from './residents.dto.js';
import { ResidentsRepository } from './residents.repository.js';
import { RESIDENT, ResidentsService } from './residents.service.js';

export interface CategoryChangeView {
  id: string;
  residentId: string;
  from: Category;
  to: Category;
  changedOn: string;
  syncedOn: string | null;
  card: { id: string; state: CardState } | null;
}

const CHANGE = { zh: '人员类别变更', en: 'Category change' };
const MOVED = bi(
  '社保卡状态已被他人更改，请刷新后重试',
  'The card changed meanwhile; reload and retry',
);

/**
 * N-2.5: someone whose category changes with age pays at the new standard; the card then goes
 * to the street office and the district centre for identity sync, and comes back issued.
 */
@Injectable()
export class CategoryChangeService {
  constructor(
    private readonly changes: CategoryChangeRepository,
    private readonly residents: ResidentsRepository,
    private readonly residentsService: ResidentsService,
    private readonly audit: AuditRepository,
    private readonly db: DatabaseContext,
    private readonly clock: Clock,
  ) {}

  /** Paid at the new standard: enrolled in the new category for the year, and the fee is paid. */
  private paidAtNewStandard(
    enrolment: YearEnrolment | undefined,
    policyYear: number,
    to: Category,
  ): boolean {
    let fee: number;
    try {
      fee = annualFee({ policyYear, category: to });
    } catch (error) {
      if (error instanceof PolicyNotFoundError)
        throw new ValidationFailed({ policyYear: error.message });
      throw error;
    }
    if (!enrolment || enrolment.category !== to) return false;
    // An exempt enrolment (N-1.4a) owes nothing at the new standard.
    return enrolment.exempt || enrolment.paidAmountYuan === fee;
  }

  async start(
    actor: Actor,
    residentId: string,
    body: CategoryChangeBody,
  ): Promise<CategoryChangeView> {
    const changedOn = body.changedOn ?? this.clock.today();
    this.residentsService.notAfterToday('changedOn', changedOn);
    return this.db.transaction(async () => {
      const row = await this.residents.find(scopeOf(actor), residentId, {
        mode: 'write',
        lock: true,
      });
      if (!row) throw new NotFound(RESIDENT);
      const enrolment = await this.changes.enrolmentForYear(residentId, body.policyYear);
      const paid = this.paidAtNewStandard(enrolment, body.policyYear, body.to);
      const card = await this.changes.cardInHand(residentId);
      let cardTo: CardState | undefined;
      if (card) {
        const t = transitionCard(card.state, {
          type: 'start_identity_sync',
          from: row.category,
          to: body.to,
          paidAtNewStandard: paid,
        });
        if (!t.ok) throw new RuleRefused(t.clause, t.message);
        cardTo = t.to;
      } else {
        // No card in the person's hands: the change is recorded, there is nothing to sync.
        const check = checkCategoryChange(row.category, body.to, paid);
        if (!check.ok) throw new RuleRefused(check.clause, check.message);
      }
      const id = await this.changes.insert({
        districtId: row.districtId,
        residentId,
        cardId: card?.id ?? null,
        from: row.category,
        to: body.to,
        changedOn,
        recordedBy: actor.userId,
      });
      if (!(await this.changes.updateCategory(residentId, row.category, body.to)))
        throw new StateConflict(bi('人员类别已被他人更改', 'The category changed meanwhile'));
      if (card && cardTo && !(await this.changes.moveCard(card.id, card.state, cardTo)))
        throw new StateConflict(MOVED);
      const d = row.districtId;
      await this.audit.append(actor, [
        {
          districtId: d,
          entity: 'category_change',
          entityId: id,
          action: 'create',
          after: { residentId, from: row.category, ...body, changedOn, cardId: card?.id ?? null },
        },
        {
          districtId: d,
          entity: 'resident',
          entityId: residentId,
          action: 'change_category',
          before: { category: row.category },
          after: { category: body.to },
        },
        ...(card && cardTo
          ? [
              {
                districtId: d,
                entity: 'card',
                entityId: card.id,
                action: 'start_identity_sync',
                before: { state: card.state },
                after: { state: cardTo },
              },
            ]
          : []),
      ]);
      return {
        id,
        residentId,
        from: row.category,
        to: body.to,
        changedOn,
        syncedOn: null,
        card: card && cardTo ? { id: card.id, state: cardTo } : null,
      };
    });
  }

  /** N-2.5: the district centre finished the sync; the card is back with its holder. */
  async finish(
    actor: Actor,
    residentId: string,
    changeId: string,
    body: z.output<typeof syncedBody>,
  ): Promise<CategoryChangeView> {
    const syncedOn = body.syncedOn ?? this.clock.today();
    this.residentsService.notAfterToday('syncedOn', syncedOn);
    return this.db.transaction(async () => {
      const change = await this.changes.find(scopeOf(actor), residentId, changeId);
      if (!change) throw new NotFound(CHANGE);
      if (compareDates(syncedOn, change.changedOn) < 0) {
        throw new ValidationFailed({
          syncedOn: bi(
            `同步日期不能早于变更日期（${change.changedOn}）`,
            `Sync date cannot be before the change (${change.changedOn})`,
          ),
        });
      }
      if (change.syncedOn !== null)
        throw new StateConflict(bi('该变更已完成同步', 'This change is already synced'));
      if (change.cardId === null || change.cardState === null) {
        throw new StateConflict(
          bi('该变更没有需要同步的社保卡', 'This change has no card to sync'),
          'N-2.5',
        );
      }
      const t = transitionCard(change.cardState, { type: 'finish_identity_sync' });
      if (!t.ok) throw new RuleRefused(t.clause, t.message);
      if (!(await this.changes.moveCard(change.cardId, change.cardState, t.to)))
        throw new StateConflict(MOVED);
      if (!(await this.changes.markSynced(changeId, syncedOn)))
        throw new StateConflict(bi('该变更已完成同步', 'This change is already synced'));
      await this.audit.append(actor, [
        {
          districtId: change.districtId,
          entity: 'category_change',
          entityId: changeId,
          action: 'synced',
          before: { syncedOn: null },
          after: { syncedOn },
        },
        {
          districtId: change.districtId,
          entity: 'card',
          entityId: change.cardId,
          action: 'finish_identity_sync',
          before: { state: change.cardState },
          after: { state: t.to },
        },
      ]);
      return {
        id: change.id,
        residentId,
        from: change.from,
        to: change.to,
        changedOn: change.changedOn,
        syncedOn,
        card: { id: change.cardId, state: t.to },
      };
    });
  }
}
