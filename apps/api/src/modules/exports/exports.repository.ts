import { Injectable } from '@nestjs/common';
import type {
  BatchState,
  CardState,
  Category,
  InstitutionChoice,
  PickupCredentialKind,
  SignerKind,
} from '@sscard/rules';
import type { Scope } from '../../common/auth/actor.js';
import { DatabaseContext } from '../../database/database-context.js';
import { residentScopeSql } from '../residents/resident-scope.js';

/** Keyset of card lists: card numbers are unique and set on every card that can be in a batch. */
export interface CardKey {
  cardNumber: string;
  id: string;
}

export interface BatchCardRow extends CardKey {
  state: CardState;
  holderName: string;
  /** The full number: the layout masks it when it is written. */
  idNumber: string;
  signerKind: SignerKind | null;
  signerName: string | null;
  signedOn: string | null;
  returned: boolean;
}

export interface HandoverRow {
  receiverName: string | null;
  receiverPhone: string | null;
  deliveredTo: 'unit' | 'district_centre' | null;
  collectorName: string | null;
  credentialKind: PickupCredentialKind | null;
  pickedUpOn: string | null;
}

export interface ReceivedBatchRow {
  id: string;
  number: string;
  state: BatchState;
  returnedOn: string | null;
}

export interface PoolCardRow extends CardKey {
  holderName: string;
  idNumber: string;
  unitName: string;
  batchNumber: string | null;
  returnedOn: string | null;
}

export interface ResidentKey {
  name: string;
  id: string;
}

export interface MissingInstitutionRow extends ResidentKey {
  idNumber: string;
  category: Category;
  currentUnitName: string | null;
  institutions: InstitutionChoice[];
}

/** Batch states whose cards are all written into the batch (the handover wrote them). */
const STORED_STATES: readonly string[] = ['at_unit', 'returned'] satisfies BatchState[];

/** `AND (a, b) > ($x, $y)` for the page after `after`, nothing for the first page. */
function after(columns: string, key: readonly string[] | null, params: unknown[]): string {
  if (!key) return '';
  const placeholders = key.map((k) => `$${params.push(k)}`);
  return ` AND (${columns}) > (${placeholders[0]}::text, ${placeholders[1]}::uuid)`;
}

/**
 * The exports' reads, each one keyset page (ORDER BY the key, LIMIT size). Scope is applied by
 * the caller before (the object's own module finds it in scope) or here with the owning
 * module's scope helper (residents).
 */
@Injectable()
export class ExportsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** N-2.2a / N-2.2b: how the batch reached (or is to reach) the unit. */
  async handover(batchId: string): Promise<HandoverRow | undefined> {
    const [row] = await this.db.query<HandoverRow>(
      `SELECT b.receiver_name AS "receiverName", b.receiver_phone AS "receiverPhone",
              b.delivered_to AS "deliveredTo", p.collector_name AS "collectorName",
              p.credential_kind AS "credentialKind", p.picked_up_on::text AS "pickedUpOn"
       FROM batch b LEFT JOIN pickup p ON p.batch_id = b.id WHERE b.id = $1`,
      [batchId],
    );
    return row;
  }

  /**
   * One page of a batch's cards with the holder, the signature (N-2.3) and whether the card was
   * returned (N-2.4c). A batch at the unit or returned has all its cards written into it, and
   * then batch_cards() is exactly `card WHERE batch_id`: read that way, ix_card_batch_number
   * hands each page over in order. An open batch's members are found by batch_cards() (intake
   * range), each page sorted — those batches are read before the handover, and rarely large.
   */
  batchCards(
    batch: { id: string; state: string },
    key: CardKey | null,
    size: number,
  ): Promise<BatchCardRow[]> {
    const params: unknown[] = [batch.id];
    const page = after('c.card_number, c.id', key && [key.cardNumber, key.id], params);
    const [from, where] = STORED_STATES.includes(batch.state)
      ? ['card c', 'c.batch_id = $1']
      : ['batch_cards($1) c', 'true'];
    return this.db.query<BatchCardRow>(
      `SELECT c.id, c.card_number AS "cardNumber", c.state, r.name AS "holderName",
              r.id_number AS "idNumber", s.signer_kind AS "signerKind", s.signer_name AS "signerName",
              s.signed_on::text AS "signedOn", (l.card_id IS NOT NULL) AS returned
       FROM ${from} JOIN resident r ON r.id = c.resident_id
       LEFT JOIN signature s ON s.card_id = c.id
       LEFT JOIN card_return_line l ON l.card_id = c.id
       WHERE ${where} AND c.card_number IS NOT NULL${page}
       ORDER BY c.card_number, c.id LIMIT $${params.push(size)}`,
      params,
    );
  }

  /** N-2.4c: the unit's batches it received (at the unit, or returned), with the return date. */
  receivedBatches(unitId: string): Promise<ReceivedBatchRow[]> {
    return this.db.query<ReceivedBatchRow>(
      `SELECT b.id, b.number, b.state, cr.returned_on::text AS "returnedOn"
       FROM batch b LEFT JOIN card_return cr ON cr.batch_id = b.id
       WHERE b.unit_id = $1 AND b.state IN ('at_unit', 'returned')
       ORDER BY b.number`,
      [unitId],
    );
  }

  /** N-2.4d: one page of the reissue pool (二次发行库), in the caller's district. */
  poolCards(scope: Scope, key: CardKey | null, size: number): Promise<PoolCardRow[]> {
    const params: unknown[] = [];
    const where = [`c.state = 'in_reissue_pool'`];
    // The same scope as the pool list (returns module): district staff their district.
    if (scope.districtId) where.push(`c.district_id = $${params.push(scope.districtId)}`);
    const page = after('c.card_number, c.id', key && [key.cardNumber, key.id], params);
    return this.db.query<PoolCardRow>(
      `SELECT c.id, c.card_number AS "cardNumber", r.name AS "holderName", r.id_number AS "idNumber",
              u.name AS "unitName", b.number AS "batchNumber", cr.returned_on::text AS "returnedOn"
       FROM card c JOIN resident r ON r.id = c.resident_id JOIN unit u ON u.id = c.made_for_unit_id
       LEFT JOIN batch b ON b.id = c.batch_id
       LEFT JOIN card_return_line l ON l.card_id = c.id LEFT JOIN card_return cr ON cr.id = l.return_id
       WHERE ${where.join(' AND ')} AND c.card_number IS NOT NULL${page}
       ORDER BY c.card_number, c.id LIMIT $${params.push(size)}`,
      params,
    );
  }

  /** N-1.6: one page of the residents of `categories` without a community institution. */
  missingCommunityInstitution(
    scope: Scope,
    categories: readonly Category[],
    key: ResidentKey | null,
    size: number,
  ): Promise<MissingInstitutionRow[]> {
    const params: unknown[] = [categories];
    const where = [
      'r.category = ANY ($1::text[])',
      `NOT EXISTS (SELECT 1 FROM designated_institution d WHERE d.resident_id = r.id AND d.kind = 'community_health')`,
      ...residentScopeSql(scope, params),
    ];
    const page = after('r.name, r.id', key && [key.name, key.id], params);
    return this.db.query<MissingInstitutionRow>(
      `SELECT r.id, r.name, r.id_number AS "idNumber", r.category, cu.name AS "currentUnitName",
              coalesce((SELECT json_agg(json_build_object('code', d.code, 'kind', d.kind) ORDER BY d.position)
                FROM designated_institution d WHERE d.resident_id = r.id), '[]'::json) AS institutions
       FROM resident r LEFT JOIN unit cu ON cu.id = r.current_unit_id
       WHERE ${where.join(' AND ')}${page}
       ORDER BY r.name, r.id LIMIT $${params.push(size)}`,
      params,
    );
  }
}
