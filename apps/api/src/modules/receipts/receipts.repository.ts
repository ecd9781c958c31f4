import { Injectable } from '@nestjs/common';
import type { CardState, SignerKind } from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';

export interface BatchRow {
  id: string;
  districtId: string;
  centreName: string;
  unitId: string;
  unitName: string;
  unitRegistrationCode: string;
  designatedPersonName: string | null;
  number: string;
  route: string;
  state: string;
}

export interface ReceiptLineRow {
  cardId: string;
  cardNumber: string | null;
  state: string;
  holderName: string;
  idNumber: string;
  signerKind: SignerKind | null;
  signerName: string | null;
  signedOn: string | null;
}

export interface CardForSigning {
  id: string;
  districtId: string;
  batchId: string | null;
  state: CardState;
  designatedPersonName: string | null;
}

export interface SignedRow {
  cardId: string;
  batchId: string;
  cardNumber: string | null;
  holderName: string;
  idNumber: string;
  state: string;
  signer: SignerKind;
  signerName: string;
  signedOn: string;
  recordedBy: string;
  recordedAt: Date | string;
}

export interface NewSignature {
  signer: SignerKind;
  signerName: string;
  signedOn: string;
  recordedBy: string;
}

/** Batches a caller may see: their district, and for unit staff their unit (or its sub-units). */
function batchScope(scope: Scope, params: unknown[]): string[] {
  const where: string[] = [];
  if (scope.districtId) where.push(`b.district_id = $${params.push(scope.districtId)}`);
  if (scope.unitId)
    where.push(`(u.id = $${params.push(scope.unitId)} OR u.parent_unit_id = $${params.length})`);
  return where;
}

@Injectable()
export class ReceiptsRepository {
  constructor(private readonly db: DatabaseContext) {}

  async findBatch(scope: Scope, id: string): Promise<BatchRow | undefined> {
    const params: unknown[] = [id];
    const where = ['b.id = $1', ...batchScope(scope, params)];
    const [row] = await this.db.query<BatchRow>(
      `SELECT b.id, b.district_id AS "districtId", d.centre_name AS "centreName", u.id AS "unitId",
              u.name AS "unitName", u.registration_code AS "unitRegistrationCode",
              u.designated_person_name AS "designatedPersonName", b.number, b.route, b.state
       FROM batch b JOIN unit u ON u.id = b.unit_id JOIN district d ON d.id = b.district_id
       WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  receiptLines(batchId: string): Promise<ReceiptLineRow[]> {
    return this.db.query<ReceiptLineRow>(
      `SELECT c.id AS "cardId", c.card_number AS "cardNumber", c.state, r.name AS "holderName",
              r.id_number AS "idNumber", s.signer_kind AS "signerKind", s.signer_name AS "signerName",
              s.signed_on::text AS "signedOn"
       FROM batch_cards($1) c JOIN resident r ON r.id = c.resident_id
       LEFT JOIN signature s ON s.card_id = c.id
       ORDER BY c.card_number, c.id`,
      [batchId],
    );
  }

  /** The card with what signing needs: its state, batch and its unit's designated person. */
  async findCard(scope: Scope, id: string): Promise<CardForSigning | undefined> {
    const params: unknown[] = [id];
    const where = ['c.id = $1'];
    if (scope.districtId) where.push(`c.district_id = $${params.push(scope.districtId)}`);
    if (scope.unitId)
      where.push(`(u.id = $${params.push(scope.unitId)} OR u.parent_unit_id = $${params.length})`);
    const [row] = await this.db.query<CardForSigning>(
      `SELECT c.id, c.district_id AS "districtId", c.batch_id AS "batchId", c.state,
              u.designated_person_name AS "designatedPersonName"
       FROM card_current c JOIN unit u ON u.id = c.made_for_unit_id
       WHERE ${where.join(' AND ')}`,
      params,
    );
    return row;
  }

  /**
   * N-2.3 in one statement: the card moves at_unit → `to` only if it is still at the unit, and
   * the signature row is written from the updated row (unique per card). No row: someone else
   * signed or moved the card first.
   */
  async signOne(cardId: string, to: CardState, s: NewSignature): Promise<SignedRow | undefined> {
    const [row] = await this.db.query<SignedRow>(
      `WITH moved AS (
         UPDATE card SET state = $2, updated_at = now()
         WHERE id = $1 AND state = 'at_unit' AND batch_id IS NOT NULL
         RETURNING id, district_id, batch_id, card_number, resident_id, state),
       signed AS (
         INSERT INTO signature (district_id, card_id, batch_id, signer_kind, signer_name, signed_on, recorded_by)
         SELECT district_id, id, batch_id, $3, $4, $5, $6 FROM moved
         RETURNING card_id, signer_kind, signer_name, signed_on, recorded_by, recorded_at)
       SELECT m.id AS "cardId", m.batch_id AS "batchId", m.card_number AS "cardNumber", m.state,
              r.name AS "holderName", r.id_number AS "idNumber", s.signer_kind AS signer,
              s.signer_name AS "signerName", s.signed_on::text AS "signedOn",
              s.recorded_by AS "recordedBy", s.recorded_at AS "recordedAt"
       FROM moved m JOIN signed s ON s.card_id = m.id JOIN resident r ON r.id = m.resident_id`,
      [cardId, to, s.signer, s.signerName, s.signedOn, s.recordedBy],
    );
    return row;
  }

  /** The requested cards that belong to this batch, with their states. */
  cardStates(batchId: string, cardIds: string[]): Promise<{ id: string; state: CardState }[]> {
    return this.db.query<{ id: string; state: CardState }>(
      'SELECT id, state FROM card WHERE batch_id = $1 AND id = ANY($2::uuid[])',
      [batchId, cardIds],
    );
  }

  /**
   * N-2.3 for many cards, set-based: one guarded UPDATE over the lines, signatures inserted from
   * the rows it actually moved. Returns the ids moved; the caller compares with the request.
   */
  signMany(
    batchId: string,
    to: CardState,
    lines: { cardId: string; signer: SignerKind; signerName: string }[],
    signedOn: string,
    recordedBy: string,
  ): Promise<string[]> {
    return this.signLines(
      to,
      lines.map((l) => ({ ...l, batchId, signedOn })),
      recordedBy,
    );
  }

  /**
   * The same statement with each line's own batch and date (a spreadsheet of signatures spans
   * several batches and days). Guarded in SQL: a card moves only from at_unit in that batch,
   * and the signature is written from the moved row, so nothing is signed twice.
   */
  async signLines(
    to: CardState,
    lines: {
      cardId: string;
      batchId: string;
      signer: SignerKind;
      signerName: string;
      signedOn: string;
    }[],
    recordedBy: string,
  ): Promise<string[]> {
    if (lines.length === 0) return [];
    const rows = await this.db.query<{ cardId: string }>(
      `WITH l AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[])
           AS l(card_id, batch_id, signer_kind, signer_name, signed_on)),
       moved AS (
         UPDATE card c SET state = $6, updated_at = now() FROM l
         WHERE c.id = l.card_id AND c.batch_id = l.batch_id AND c.state = 'at_unit'
         RETURNING c.id, c.district_id, c.batch_id),
       signed AS (
         INSERT INTO signature (district_id, card_id, batch_id, signer_kind, signer_name, signed_on, recorded_by)
         SELECT m.district_id, m.id, m.batch_id, l.signer_kind, l.signer_name, l.signed_on, $7
         FROM moved m JOIN l ON l.card_id = m.id
         RETURNING card_id)
       SELECT card_id AS "cardId" FROM signed`,
      [
        lines.map((l) => l.cardId),
        lines.map((l) => l.batchId),
        lines.map((l) => l.signer),
        lines.map((l) => l.signerName),
        lines.map((l) => l.signedOn),
        to,
        recordedBy,
      ],
    );
    return rows.map((r) => r.cardId);
  }
}
