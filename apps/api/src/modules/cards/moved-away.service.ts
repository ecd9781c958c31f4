import { Injectable } from '@nestjs/common';
import { collectionOverdue, getDistributionPolicy, maskIdNumber } from '@sscard/rules';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound } from '../../common/errors/api-errors.js';
import type { MovedAwayItem, MovedAwayPage, MovedAwayQuery } from './moved-away.dto.js';
import { type MovedAwayRow, MovedAwayRepository } from './moved-away.repository.js';

const UNIT = { zh: '参保单位', en: 'Unit' };

function toItem(row: MovedAwayRow): MovedAwayItem {
  return {
    cardId: row.cardId,
    cardNumber: row.cardNumber,
    holderName: row.holderName,
    idNumberMasked: maskIdNumber(row.idNumber),
    className: row.className,
    batchNumber: row.batchNumber,
    heldBy: { id: row.heldById, name: row.heldByName },
    movedTo: {
      id: row.movedToId,
      name: row.movedToName,
      designatedPersonName: row.designatedPersonName,
      designatedPersonPhone: row.designatedPersonPhone,
    },
  };
}

/**
 * N-2.4b: the original unit contacts the parents of the children who changed school (N-2.4a)
 * so they collect the card there by the policy's collection deadline.
 */
@Injectable()
export class MovedAwayService {
  constructor(
    private readonly repo: MovedAwayRepository,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, q: MovedAwayQuery): Promise<MovedAwayPage> {
    const scope = scopeOf(actor);
    let unit: { id: string; name: string } | null = null;
    const unitId = q.unitId ?? scope.unitId;
    if (unitId) {
      // Someone else's unit is a 404, like any object out of scope.
      unit = (await this.repo.unitInScope(scope, unitId)) ?? null;
      if (!unit) throw new NotFound(UNIT);
    }
    const { rows, total } = await this.repo.list(
      {
        ...(scope.districtId ? { districtId: scope.districtId } : {}),
        ...(unit ? { unitId: unit.id } : {}),
      },
      q,
    );
    const today = this.clock.today();
    const deadline = getDistributionPolicy().collectionDeadline;
    return {
      items: rows.map(toItem),
      total,
      page: q.page,
      pageSize: q.pageSize,
      clause: 'N-2.4b',
      deadline,
      today,
      overdue: collectionOverdue(today),
      unit,
    };
  }
}
