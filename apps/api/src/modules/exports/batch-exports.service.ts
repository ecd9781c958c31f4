import { Injectable, type StreamableFile } from '@nestjs/common';
import {
  BATCH_ROUTE_LABELS,
  BATCH_STATE_LABELS,
  getDistributionPolicy,
  PICKUP_CREDENTIAL_KINDS,
  PICKUP_CREDENTIAL_LABELS,
} from '@sscard/rules';
import { type Actor, scopeOf } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFound, RuleRefused } from '../../common/errors/api-errors.js';
import { BatchesService } from '../batches/batches.service.js';
import { type BatchRow, ReceiptsRepository } from '../receipts/receipts.repository.js';
import { writeBatchCardList, type BatchListLine } from './batch-card-list.workbook.js';
import { API_LABELS, COMMON, DELIVERY, PICKUP, RECEIPT, WRONG_ROUTE } from './export-texts.js';
import type { ReceiptExportQuery } from './exports.dto.js';
import {
  type BatchCardRow,
  type CardKey,
  ExportsRepository,
  type HandoverRow,
} from './exports.repository.js';
import { writeReceipt, type ReceiptLine } from './receipt.workbook.js';
import { keysetPages, xlsxDownload } from './xlsx-stream.js';

const BATCH = API_LABELS.batch;

type BatchRef = { id: string; state: string };

/** A label of the rules' tables for a value stored as text (unknown values print as stored). */
function labelOf(labels: Record<string, { zh: string }>, key: string): string {
  return labels[key]?.zh ?? key;
}

/** N-2.2a / N-2.2b: how the cards reached the unit, in the receipt's words. */
function handoverLine(batch: BatchRow, h: HandoverRow | undefined): string {
  if (h?.collectorName && h.pickedUpOn && h.credentialKind) {
    return RECEIPT.pickedUp(
      h.collectorName,
      h.pickedUpOn,
      PICKUP_CREDENTIAL_LABELS[h.credentialKind].zh,
    );
  }
  if (h?.deliveredTo) {
    const to = COMMON.destination[h.deliveredTo];
    return h.receiverName && h.receiverPhone
      ? RECEIPT.delivered(h.receiverName, h.receiverPhone, to)
      : RECEIPT.deliveredNoReceiver(to);
  }
  return RECEIPT.notYetHandedOver(labelOf(BATCH_STATE_LABELS, batch.state));
}

/** The exports of one batch: the receipt (N-2.3), the delivery manifest / pickup notice (N-2.2). */
@Injectable()
export class BatchExportsService {
  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly batches: BatchesService,
    private readonly repo: ExportsRepository,
    private readonly clock: Clock,
  ) {}

  private cardPages(batch: BatchRef): AsyncGenerator<BatchCardRow[]> {
    return keysetPages<BatchCardRow, CardKey>(
      (after, size) => this.repo.batchCards(batch, after, size),
      (row) => ({ cardNumber: row.cardNumber, id: row.id }),
    );
  }

  private async *receiptLines(batch: BatchRef): AsyncGenerator<ReceiptLine[]> {
    for await (const rows of this.cardPages(batch)) {
      yield rows.map((r) => ({
        holderName: r.holderName,
        idNumber: r.idNumber,
        cardNumber: r.cardNumber,
        signature:
          r.signerKind && r.signerName && r.signedOn
            ? { signer: r.signerKind, signerName: r.signerName, signedOn: r.signedOn }
            : null,
      }));
    }
  }

  private async *listLines(batch: BatchRef): AsyncGenerator<BatchListLine[]> {
    for await (const rows of this.cardPages(batch)) {
      yield rows.map((r) => ({
        holderName: r.holderName,
        idNumber: r.idNumber,
        cardNumber: r.cardNumber,
      }));
    }
  }

  /** N-2.3: 《北京市社会保障卡发行回执单》, scoped like GET /batches/:id/receipt. */
  async receipt(actor: Actor, batchId: string, q: ReceiptExportQuery): Promise<StreamableFile> {
    const batch = await this.receipts.findBatch(scopeOf(actor), batchId);
    if (!batch) throw new NotFound(BATCH);
    const handover = await this.repo.handover(batch.id);
    const header = {
      copy: q.copy,
      unitName: batch.unitName,
      registrationCode: batch.unitRegistrationCode,
      batchNumber: batch.number,
      routeLabel: labelOf(BATCH_ROUTE_LABELS, batch.route),
      centreName: batch.centreName,
      handover: handoverLine(batch, handover),
      designatedPersonName: batch.designatedPersonName,
      returnsOpenFrom: getDistributionPolicy().returnsOpenFrom,
      today: this.clock.today(),
    };
    return xlsxDownload(RECEIPT.fileName(batch.number, q.copy), async (output) => {
      await writeReceipt(output, header, this.receiptLines(batch));
    });
  }

  /**
   * N-2.2a: the vendor's delivery manifest, or N-2.2b: the pickup notice — each only for a batch
   * on its route (409 with the document's clause otherwise). Scoped like GET /batches/:id.
   */
  async batchList(
    actor: Actor,
    batchId: string,
    kind: 'delivery_manifest' | 'pickup_notice',
  ): Promise<StreamableFile> {
    const batch = await this.batches.get(actor, batchId);
    if (kind === 'delivery_manifest' && batch.route !== 'direct_delivery') {
      throw new RuleRefused('N-2.2a', WRONG_ROUTE.delivery);
    }
    if (kind === 'pickup_notice' && batch.route !== 'pickup') {
      throw new RuleRefused('N-2.2b', WRONG_ROUTE.pickup);
    }
    const header = {
      unitName: batch.unit.name,
      registrationCode: batch.unit.registrationCode,
      batchNumber: batch.number,
      cardCount: batch.cardCount,
      today: this.clock.today(),
    };
    const list =
      kind === 'delivery_manifest'
        ? {
            kind,
            receiver: batch.receiver,
            deliveredTo: batch.deliveredTo ? COMMON.destination[batch.deliveredTo] : null,
          }
        : {
            kind,
            place: batch.pickupPlace,
            deadline: batch.pickupDeadline,
            credentials: PICKUP_CREDENTIAL_KINDS.map((k) => PICKUP_CREDENTIAL_LABELS[k].zh),
          };
    const name =
      kind === 'delivery_manifest'
        ? DELIVERY.fileName(batch.number)
        : PICKUP.fileName(batch.number);
    return xlsxDownload(name, async (output) => {
      await writeBatchCardList(output, header, list, this.listLines(batch));
    });
  }
}
