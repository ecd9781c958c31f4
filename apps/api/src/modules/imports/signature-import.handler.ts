import { Injectable } from '@nestjs/common';
import {
  bi,
  CARD_STATE_LABELS,
  type CardState,
  compareDates,
  type ImportRow,
  samePersonName,
  transitionCard,
} from '@sscard/rules';
import { AuditRepository } from '../../common/audit/audit.repository.js';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { ReceiptsRepository } from '../receipts/receipts.repository.js';
import {
  type CheckedChunk,
  ImportFailure,
  type ImportHandler,
  type ImportTarget,
  type LineIssue,
  type ParsedLine,
} from './import-handler.js';
import { type CardToSign, SignatureImportRepository } from './signature-import.repository.js';

type SignatureRow = ImportRow['signatures'];

const NOT_OURS = bi('本单位没有该卡号的社保卡', 'No card with this number belongs to your unit');

/** N-2.3 for a sheet of signatures (回执单 typed up): every card is signed once, or none. */
@Injectable()
export class SignatureImportHandler implements ImportHandler<SignatureRow> {
  constructor(
    private readonly repo: SignatureImportRepository,
    private readonly receipts: ReceiptsRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** The card number is the row's key already (parseImportRow). */
  extraUniqueKeys(): [] {
    return [];
  }

  async check(target: ImportTarget, lines: ParsedLine<SignatureRow>[]): Promise<CheckedChunk> {
    if (!target.unitId) throw new Error('signature import without a unit');
    const cards = new Map(
      (
        await this.repo.cardsOfUnit(
          target.unitId,
          lines.map((l) => l.value.cardNumber),
        )
      ).map((c) => [c.cardNumber, c]),
    );
    const today = this.clock.today();
    const issues: LineIssue[] = [];
    const ready: { line: ParsedLine<SignatureRow>; card: CardToSign; to: CardState }[] = [];
    lines.forEach((l, line) => {
      const found = this.checkLine(l.value, cards.get(l.value.cardNumber), today);
      if ('card' in found) ready.push({ line: l, ...found });
      else issues.push(...found.issues.map((i) => ({ line, ...i })));
    });
    return { issues, write: (actor: Actor) => this.write(actor, ready) };
  }

  private checkLine(
    row: SignatureRow,
    card: CardToSign | undefined,
    today: string,
  ): { card: CardToSign; to: CardState } | { issues: Omit<LineIssue, 'line'>[] } {
    const issues: Omit<LineIssue, 'line'>[] = [];
    if (compareDates(row.signedOn, today) > 0) {
      issues.push({
        column: 'signedOn',
        message: bi(`日期不能晚于今天（${today}）`, `The date may not be after today (${today})`),
      });
    }
    if (!card) return { issues: [...issues, { column: 'cardNumber', message: NOT_OURS }] };
    if (card.signedOn) {
      issues.push({
        column: 'cardNumber',
        message: bi(
          `该社保卡已于${card.signedOn}签收（${card.signedBy}），不能重复签收`,
          `This card was already signed for on ${card.signedOn} (${card.signedBy})`,
        ),
      });
    } else if (card.state !== 'at_unit' || !card.batchId) {
      const label = CARD_STATE_LABELS[card.state];
      issues.push({
        column: 'cardNumber',
        message: bi(
          `该社保卡不在单位待发放（${label.zh}）`,
          `This card is not at the unit to be handed out (${label.en})`,
        ),
      });
    }
    if (!samePersonName(row.holderName, card.holderName)) {
      issues.push({
        column: 'holderName',
        message: bi('姓名与该卡持卡人不符', 'The name does not match the card holder'),
      });
    }
    const decision = transitionCard('at_unit', {
      type: 'sign',
      signer: row.signer,
      signerName: row.signerName,
      designatedPersonName: card.designatedPersonName ?? undefined,
    });
    if (!decision.ok) issues.push({ column: 'signerName', message: decision.message });
    if (issues.length > 0 || !decision.ok) return { issues };
    return { card, to: decision.to };
  }

  private async write(
    actor: Actor,
    ready: { line: ParsedLine<SignatureRow>; card: CardToSign; to: CardState }[],
  ): Promise<Record<string, number>> {
    const [first] = ready;
    if (!first) return { signed: 0, self: 0, proxy: 0 };
    const lines = ready.map(({ line: { value: v }, card }) => ({
      cardId: card.id,
      // checkLine let only cards at the unit through, and those are in a batch.
      batchId: card.batchId ?? '',
      signer: v.signer,
      signerName: v.signerName,
      signedOn: v.signedOn,
    }));
    const moved = await this.receipts.signLines(first.to, lines, actor.userId);
    // The guard in SQL is the last word: a card signed meanwhile fails the whole import.
    if (moved.length < lines.length) {
      throw new ImportFailure(
        bi(
          `${lines.length - moved.length}张社保卡在校验后已被签收或移出单位，未做任何签收`,
          `${lines.length - moved.length} card(s) were signed for or moved after validation; nothing was signed`,
        ),
      );
    }
    await this.audit.append(
      actor,
      ready.map(({ line: { value: v }, card, to }) => ({
        districtId: card.districtId,
        entity: 'card',
        entityId: card.id,
        action: 'sign',
        before: { state: 'at_unit' },
        after: { state: to, signer: v.signer, signerName: v.signerName, signedOn: v.signedOn },
      })),
    );
    const self = ready.filter((r) => r.line.value.signer === 'self').length;
    return { signed: ready.length, self, proxy: ready.length - self };
  }
}
