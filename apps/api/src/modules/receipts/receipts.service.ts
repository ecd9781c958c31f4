import { Injectable } from '@nestjs/common';
import { bi, type CardState, eventsFrom, maskIdNumber, transitionCard } from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound, RuleRefused, StateConflict } from '../../common/errors/api-errors.js';
import { CardListConflict } from '../../common/errors/card-list-conflict.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { eventDate } from '../../common/validation/event-date.js';
import type {
  BulkSignBody,
  ReceiptLine,
  ReceiptView,
  SignatureView,
  SignBody,
} from './receipts.dto.js';
import { type BatchRow, ReceiptsRepository, type SignedRow } from './receipts.repository.js';

const BATCH = { zh: '发放批次', en: 'Batch' };
const CARD = { zh: '社保卡', en: 'Card' };
const RECEIPT_TITLE = '北京市社会保障卡发行回执单';

function toSignatureView(row: SignedRow): SignatureView {
  const { idNumber, recordedAt, ...rest } = row;
  return {
    ...rest,
    idNumberMasked: maskIdNumber(idNumber),
    recordedAt: new Date(recordedAt).toISOString(),
  };
}

@Injectable()
export class ReceiptsService {
  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  /** N-2.3: the receipt of a batch, one line per card, with its totals. */
  async receipt(actor: Actor, batchId: string): Promise<ReceiptView> {
    const batch = await this.receipts.findBatch(scopeOf(actor), batchId);
    if (!batch) throw new NotFound(BATCH);
    return this.receiptOf(batch);
  }

  private async receiptOf(batch: BatchRow): Promise<ReceiptView> {
    const rows = await this.receipts.receiptLines(batch.id);
    const lines: ReceiptLine[] = rows.map((r) => ({
      cardId: r.cardId,
      cardNumber: r.cardNumber,
      holderName: r.holderName,
      idNumberMasked: maskIdNumber(r.idNumber),
      state: r.state,
      signature:
        r.signerKind && r.signerName && r.signedOn
          ? { signer: r.signerKind, signerName: r.signerName, signedOn: r.signedOn }
          : null,
    }));
    const count = (kind: string) => lines.filter((l) => l.signature?.signer === kind).length;
    const signedSelf = count('self');
    const signedProxy = count('proxy');
    return {
      title: RECEIPT_TITLE,
      clause: 'N-2.3',
      district: { id: batch.districtId, centreName: batch.centreName },
      unit: {
        id: batch.unitId,
        name: batch.unitName,
        registrationCode: batch.unitRegistrationCode,
        designatedPersonName: batch.designatedPersonName,
      },
      batch: { id: batch.id, number: batch.number, route: batch.route, state: batch.state },
      lines,
      totals: {
        cards: lines.length,
        signedSelf,
        signedProxy,
        unsigned: lines.length - signedSelf - signedProxy,
      },
    };
  }

  /** N-2.3: the holder, or the unit's designated person, signs for one card — once. */
  async sign(
    actor: Actor,
    cardId: string,
    body: SignBody,
    idempotencyKey: string | undefined,
  ): Promise<SignatureView> {
    const signedOn = eventDate(body.signedOn, this.clock.today(), 'signedOn');
    const request = { cardId, ...body, signedOn };
    return this.idempotency.run(actor, idempotencyKey, request, async () => {
      const card = await this.receipts.findCard(scopeOf(actor), cardId);
      if (!card) throw new NotFound(CARD);
      const decision = transitionCard(card.state, {
        type: 'sign',
        signer: body.signer,
        signerName: body.signerName,
        designatedPersonName: card.designatedPersonName ?? undefined,
      });
      if (!decision.ok) throw new RuleRefused(decision.clause, decision.message);
      const signed = await this.receipts.signOne(card.id, decision.to, {
        signer: body.signer,
        signerName: body.signerName,
        signedOn,
        recordedBy: actor.userId,
      });
      if (!signed) {
        throw new StateConflict(
          bi('该社保卡已被他人签收或已不在单位', 'The card was signed for or moved meanwhile'),
          'N-2.3',
        );
      }
      await this.audit.append(actor, [
        {
          districtId: card.districtId,
          entity: 'card',
          entityId: card.id,
          action: 'sign',
          before: { state: card.state },
          after: { state: decision.to, signer: body.signer, signerName: body.signerName, signedOn },
        },
      ]);
      return toSignatureView(signed);
    });
  }

  /** N-2.3 for a whole class: every listed card is signed for, or nothing changes. */
  async signMany(
    actor: Actor,
    batchId: string,
    body: BulkSignBody,
    idempotencyKey: string | undefined,
  ): Promise<ReceiptView> {
    const signedOn = eventDate(body.signedOn, this.clock.today(), 'signedOn');
    const request = { batchId, signatures: body.signatures, signedOn };
    return this.idempotency.run(actor, idempotencyKey, request, async () => {
      const batch = await this.receipts.findBatch(scopeOf(actor), batchId);
      if (!batch) throw new NotFound(BATCH);
      const ids = body.signatures.map((s) => s.cardId);
      const states = new Map(
        (await this.receipts.cardStates(batch.id, ids)).map((c) => [c.id, c.state]),
      );
      const notAtUnit: string[] = [];
      const refused: { cardId: string; clause: string; message: string }[] = [];
      let to: CardState | undefined;
      for (const line of body.signatures) {
        const state = states.get(line.cardId);
        if (state === undefined || !eventsFrom(state).includes('sign')) {
          notAtUnit.push(line.cardId);
          continue;
        }
        const decision = transitionCard(state, {
          type: 'sign',
          signer: line.signer,
          signerName: line.signerName,
          designatedPersonName: batch.designatedPersonName ?? undefined,
        });
        if (decision.ok) to = decision.to;
        else
          refused.push({ cardId: line.cardId, clause: decision.clause, message: decision.message });
      }
      const [firstRefusal] = refused;
      if (firstRefusal) {
        throw new CardListConflict(
          { error: 'rule_refused', clause: firstRefusal.clause, message: firstRefusal.message },
          { refused: refused.map((r) => r.cardId), notAtUnit },
        );
      }
      if (notAtUnit.length > 0 || to === undefined) throw this.notAtUnit(notAtUnit);
      const moved = await this.receipts.signMany(
        batch.id,
        to,
        body.signatures,
        signedOn,
        actor.userId,
      );
      // The guard in SQL is the last word: a card signed meanwhile rolls the whole batch back.
      if (moved.length < ids.length) {
        const done = new Set(moved);
        throw this.notAtUnit(ids.filter((id) => !done.has(id)));
      }
      await this.audit.append(
        actor,
        body.signatures.map((s) => ({
          districtId: batch.districtId,
          entity: 'card',
          entityId: s.cardId,
          action: 'sign',
          before: { state: 'at_unit' },
          after: { state: to, signer: s.signer, signerName: s.signerName, signedOn },
        })),
      );
      return this.receiptOf(batch);
    });
  }

  private notAtUnit(cardIds: string[]): CardListConflict {
    return new CardListConflict(
      {
        error: 'state_conflict',
        clause: 'N-2.3',
        message: bi(
          `${cardIds.length}张社保卡不在单位待发放，未做任何签收`,
          `${cardIds.length} card(s) are not at the unit to be handed out; nothing was signed`,
        ),
      },
      { notAtUnit: cardIds },
    );
  }
}
