import { Injectable } from '@nestjs/common';
import {
  CARD_STATES,
  type CardState,
  cardOverdue,
  getDistributionPolicy,
  type OverdueCard,
} from '@sscard/rules';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import type { Page } from '../../common/validation/paging.js';
import type { DashboardView, OverdueItem, OverdueQuery } from './cards.dto.js';
import { DashboardRepository, type OverdueUnitRow } from './dashboard.repository.js';

const PICKUPS_DUE_SHOWN = 20;

export type OverduePage = Page<OverdueItem> & {
  kind: OverdueQuery['kind'];
  today: string;
  deadline: string | null;
};

/**
 * N-3: the SQL aggregates per deadline and per unit; whether a deadline is past is decided by
 * cardOverdue from the rules ("before X" includes X), applied to each aggregated row.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly clock: Clock,
  ) {}

  private pickupVerdicts(today: string, deadlines: { deadline: string }[]): OverdueCard[] {
    return deadlines.flatMap((d) => {
      const verdict = cardOverdue('awaiting_pickup', today, { pickupDeadline: d.deadline });
      return verdict ? [verdict] : [];
    });
  }

  async dashboard(actor: Actor): Promise<DashboardView> {
    const scope = scopeOf(actor);
    const today = this.clock.today();
    const [states, batches, deadlines, due, returnsReceived, holdingUnits] = await Promise.all([
      this.repo.cardsByState(scope),
      this.repo.batchesByRouteAndState(scope),
      this.repo.pickupDeadlines(scope),
      this.repo.pickupsDue(scope, PICKUPS_DUE_SHOWN),
      this.repo.returnsReceived(scope),
      this.repo.unitsHoldingCards(scope),
    ]);
    const cardsByState = Object.fromEntries(CARD_STATES.map((s) => [s, 0])) as Record<
      CardState,
      number
    >;
    for (const s of states) cardsByState[s.state] = s.count;

    const pastPickup = new Set(this.pickupVerdicts(today, deadlines).map((v) => v.deadline));
    const overdueDeadlines = deadlines.filter((d) => pastPickup.has(d.deadline));
    const overdueUnits =
      overdueDeadlines.length > 0
        ? (
            await this.repo.overduePickups(scope, [...pastPickup], {
              kind: 'pickup',
              page: 1,
              pageSize: 1,
              sort: 'unitName',
              order: 'asc',
            })
          ).total
        : 0;
    const collection = cardOverdue('at_unit', today);
    return {
      today,
      cardsByState,
      batches,
      pickupsDue: {
        total: deadlines.reduce((n, d) => n + d.batches, 0),
        items: due.map((d) => ({
          batchId: d.batchId,
          number: d.number,
          unit: { id: d.unitId, name: d.unitName },
          deadline: d.deadline,
          cardCount: d.cardCount,
          overdue: pastPickup.has(d.deadline),
        })),
      },
      returnsReceived,
      // N-2.4c: returned cards enter the reissue pool.
      reissuePool: cardsByState.in_reissue_pool,
      overdue: {
        pickup: {
          clause: 'N-2.2b',
          units: overdueUnits,
          batches: overdueDeadlines.reduce((n, d) => n + d.batches, 0),
          cards: overdueDeadlines.reduce((n, d) => n + d.cards, 0),
        },
        collection: {
          clause: collection?.clause ?? 'N-2.4b',
          deadline: collection?.deadline ?? getDistributionPolicy().collectionDeadline,
          units: collection ? holdingUnits : 0,
          cards: collection ? cardsByState.at_unit : 0,
        },
      },
    };
  }

  async overdue(actor: Actor, q: OverdueQuery): Promise<OverduePage> {
    const scope = scopeOf(actor);
    const today = this.clock.today();
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, kind: q.kind, today };
    if (q.kind === 'pickup') {
      const verdicts = this.pickupVerdicts(today, await this.repo.pickupDeadlines(scope));
      const [first] = verdicts;
      if (!first) return { ...empty, deadline: null };
      const page = await this.repo.overduePickups(
        scope,
        verdicts.map((v) => v.deadline),
        q,
      );
      return { ...empty, ...this.items(page, 'pickup', first), deadline: null };
    }
    const verdict = cardOverdue('at_unit', today);
    if (!verdict) return { ...empty, deadline: getDistributionPolicy().collectionDeadline };
    const page = await this.repo.unitsHoldingCardsPage(scope, q);
    return { ...empty, ...this.items(page, 'collection', verdict), deadline: verdict.deadline };
  }

  private items(
    page: { rows: OverdueUnitRow[]; total: number },
    kind: OverdueItem['kind'],
    verdict: OverdueCard,
  ): { items: OverdueItem[]; total: number } {
    return {
      total: page.total,
      items: page.rows.map((r) => ({
        unit: { id: r.unitId, name: r.unitName, registrationCode: r.registrationCode },
        kind,
        clause: verdict.clause,
        deadline: r.deadline ?? verdict.deadline,
        cardCount: r.cardCount,
        batches: r.batches,
      })),
    };
  }
}
