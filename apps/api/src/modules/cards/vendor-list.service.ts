import { Injectable } from '@nestjs/common';
import { bi, transitionCard, type VendorCard } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { RuleRefused, StateConflict, ValidationFailed } from '../../common/errors/api-errors.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { DatabaseContext } from '../../database/database-context.js';
import type { VendorListBody, VendorListResult } from './cards.dto.js';
import { checkVendorRows } from './vendor-list.checks.js';
import { type NewCard, uniqueViolation, VendorListRepository } from './vendor-list.repository.js';

/**
 * The vendor's list of cards (N-2.6: made, or not made for a data problem): all or nothing,
 * in one transaction, with set-based statements whatever the size of the list.
 */
@Injectable()
export class VendorListService {
  constructor(
    private readonly repo: VendorListRepository,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly db: DatabaseContext,
  ) {}

  async import(
    actor: Actor,
    body: VendorListBody,
    idempotencyKey: string | undefined,
  ): Promise<VendorListResult> {
    return this.idempotency.run(actor, idempotencyKey, body, () =>
      this.importRows(actor, body.cards),
    );
  }

  /**
   * The list's work inside the caller's transaction, without the idempotency wrapper: the JSON
   * endpoint's one list, or one chunk of a spreadsheet import inside the job's transaction.
   * `district` limits the made-for units (default: the caller's district; the admin: any).
   */
  async importRows(
    actor: Actor,
    rows: VendorCard[],
    district: string | undefined = actor.role === 'system_admin'
      ? undefined
      : (actor.districtId ?? '__none__'),
  ): Promise<VendorListResult> {
    return this.db.transaction(async () => {
      await this.repo.lockResidents([...new Set(rows.map((r) => r.idNumber))]);
      const resolved = await this.repo.resolve(
        district,
        rows.map((r, idx) => ({
          idx,
          idNumber: r.idNumber,
          unitCode: r.madeForUnitCode,
          cardNumber: r.state === 'made' ? (r.cardNumber ?? null) : null,
        })),
      );
      const errors = checkVendorRows(rows, resolved);
      if (Object.keys(errors).length > 0) throw new ValidationFailed(errors);
      // Before any intake number is drawn: a dispatch of these districts is not in flight.
      await this.repo.lockDistricts([
        ...new Set(resolved.flatMap((r) => (r.districtId ? [r.districtId] : []))),
      ]);

      const fresh: NewCard[] = [];
      const recollect: { id: string; cardNumber: string; unitId: string; districtId: string }[] =
        [];
      for (const r of resolved) {
        const row = rows[r.idx];
        if (!row || !r.unitId || !r.districtId || !r.residentId) continue;
        const cardNumber = row.state === 'made' ? (row.cardNumber ?? null) : null;
        if (r.existingCardId && cardNumber) {
          recollect.push({
            id: r.existingCardId,
            cardNumber,
            unitId: r.unitId,
            districtId: r.districtId,
          });
        } else {
          fresh.push({
            districtId: r.districtId,
            residentId: r.residentId,
            unitId: r.unitId,
            cardNumber,
            state: row.state,
            problem: row.state === 'not_made_data_problem' ? (row.problem ?? null) : null,
          });
        }
      }
      const made = recollect.length > 0 ? this.recollectedState() : undefined;
      try {
        const inserted = await this.repo.insertCards(fresh);
        const moved = made
          ? await this.repo.recollect(recollect, 'not_made_data_problem', made)
          : [];
        if (moved.length !== recollect.length) {
          throw new StateConflict(
            bi('部分社保卡状态已变化，请重试', 'Some cards changed meanwhile; try again'),
          );
        }
        await this.audit.append(actor, [
          ...inserted.map((c) => ({
            districtId: c.districtId,
            entity: 'card',
            entityId: c.id,
            action: 'vendor_import',
            after: {
              state: c.state,
              cardNumber: c.cardNumber,
              madeForUnitId: c.unitId,
              residentId: c.residentId,
              problem: c.problem,
            },
          })),
          ...recollect.map((c) => ({
            districtId: c.districtId,
            entity: 'card',
            entityId: c.id,
            action: 'data_recollected',
            before: { state: 'not_made_data_problem' },
            after: { state: made, cardNumber: c.cardNumber, madeForUnitId: c.unitId },
          })),
        ]);
      } catch (error) {
        // Two imports racing for the same card number: report it like a stored duplicate.
        if (uniqueViolation(error) === 'uq_card_number') {
          throw new ValidationFailed({
            cards: bi('清单中的卡号已被同时导入', 'A card number was imported concurrently'),
          });
        }
        throw error;
      }
      const madeCount = rows.filter((r) => r.state === 'made').length;
      return {
        imported: rows.length,
        made: madeCount,
        notMade: rows.length - madeCount,
        recollected: recollect.length,
      };
    });
  }

  /** N-2.6: the data was collected again, so the card is made — as the lifecycle says. */
  private recollectedState() {
    const rule = transitionCard('not_made_data_problem', { type: 'data_recollected' });
    if (!rule.ok) throw new RuleRefused(rule.clause, rule.message);
    return rule.to;
  }
}
