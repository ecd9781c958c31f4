import { Injectable, type StreamableFile } from '@nestjs/common';
import { BATCH_STATE_LABELS, reconcileReceipt } from '@sscard/rules';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { UnitsService } from '../units/units.service.js';
import { RECONCILIATION } from './export-texts.js';
import {
  type BatchCardRow,
  type CardKey,
  ExportsRepository,
  type ReceivedBatchRow,
} from './exports.repository.js';
import {
  type BatchReconciliation,
  type DifferenceLine,
  writeReconciliation,
} from './reconciliation.workbook.js';
import { keysetPages, xlsxDownload } from './xlsx-stream.js';

/**
 * N-2.4c per unit: each batch the unit received is reconciled with the rules' reconcileReceipt,
 * applied page by page. The sums of the pages are the batch's figures, and the batch is balanced
 * exactly when every page is (a page without differences has signed + returned = received).
 */
@Injectable()
export class UnitReconciliationService {
  constructor(
    private readonly units: UnitsService,
    private readonly repo: ExportsRepository,
    private readonly clock: Clock,
  ) {}

  private cardPages(batch: ReceivedBatchRow): AsyncGenerator<BatchCardRow[]> {
    return keysetPages<BatchCardRow, CardKey>(
      (after, size) => this.repo.batchCards(batch, after, size),
      (row) => ({ cardNumber: row.cardNumber, id: row.id }),
    );
  }

  private async summarise(batch: ReceivedBatchRow): Promise<BatchReconciliation> {
    const s: BatchReconciliation = {
      number: batch.number,
      stateLabel: BATCH_STATE_LABELS[batch.state].zh,
      returnedOn: batch.returnedOn,
      received: 0,
      signed: 0,
      returned: 0,
      atUnit: 0,
      differences: 0,
      balanced: true,
    };
    for await (const rows of this.cardPages(batch)) {
      const r = reconcileReceipt(rows.map((row) => ({ ...row, signed: row.signerKind !== null })));
      s.received += r.received;
      s.signed += r.signed;
      s.returned += r.returned;
      s.differences += r.differences.length;
      s.balanced &&= r.balanced;
      // Neither signed nor returned, and still physically at the unit: the cards the return
      // will have to carry back.
      s.atUnit += r.cards.filter((c) => c.status === 'neither' && c.state === 'at_unit').length;
    }
    return s;
  }

  private async *differences(
    batches: readonly ReceivedBatchRow[],
  ): AsyncGenerator<DifferenceLine[]> {
    for (const batch of batches) {
      for await (const rows of this.cardPages(batch)) {
        const r = reconcileReceipt(
          rows.map((row) => ({ ...row, signed: row.signerKind !== null })),
        );
        yield r.differences.map((d) => ({
          batchNumber: batch.number,
          holderName: d.holderName,
          idNumber: d.idNumber,
          cardNumber: d.cardNumber,
          state: d.state,
          signed: d.signed,
          returned: d.returned,
          status: d.status,
        }));
      }
    }
  }

  /** Scoped like GET /units/:id (someone else's unit is a 404). */
  async export(actor: Actor, unitId: string): Promise<StreamableFile> {
    const unit = await this.units.get(actor, unitId);
    const batches = await this.repo.receivedBatches(unit.id);
    const header = {
      unitName: unit.name,
      registrationCode: unit.registrationCode,
      today: this.clock.today(),
    };
    return xlsxDownload(RECONCILIATION.fileName(unit.registrationCode), async (output) => {
      // Two passes: the summary sheet is complete before the detail sheet starts streaming.
      const summaries: BatchReconciliation[] = [];
      for (const batch of batches) summaries.push(await this.summarise(batch));
      await writeReconciliation(output, header, summaries, this.differences(batches));
    });
  }
}
