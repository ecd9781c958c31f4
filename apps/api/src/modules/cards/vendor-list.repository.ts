import { Injectable } from '@nestjs/common';
import type { CardState } from '@sscard/rules';
import { DatabaseContext } from '../../database/database-context.js';

export interface VendorRowKey {
  idx: number;
  idNumber: string;
  unitCode: string;
  cardNumber: string | null;
}

/** What the database knows about one row of the vendor's list. */
export interface ResolvedRow {
  idx: number;
  unitId: string | null;
  districtId: string | null;
  residentId: string | null;
  residentName: string | null;
  residentIdKind: string | null;
  numberTaken: boolean;
  existingCardId: string | null;
  existingState: CardState | null;
}

export interface NewCard {
  districtId: string;
  residentId: string;
  unitId: string;
  cardNumber: string | null;
  state: CardState;
  problem: string | null;
}

export interface InsertedCard extends NewCard {
  id: string;
}

/** The constraint a unique violation names, if the error is one (a concurrent import). */
export function uniqueViolation(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && typeof e.constraint === 'string' ? e.constraint : undefined;
}

/** N-2.6 vendor lists: every statement handles the whole list at once (jsonb / unnest). */
@Injectable()
export class VendorListRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Serialises imports touching the same residents, so a resident never gets two cards. */
  async lockResidents(idNumbers: string[]): Promise<void> {
    await this.db.query(
      'SELECT id FROM resident WHERE id_number = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [idNumbers],
    );
  }

  /**
   * The districts the list makes cards for, in SHARE mode: imports run side by side, but not
   * while a dispatch of one of these districts holds its lock (FOR NO KEY UPDATE), and a dispatch
   * waits for the imports in flight. So a dispatch's intake range never misses an uncommitted card.
   */
  async lockDistricts(districtIds: string[]): Promise<void> {
    await this.db.query(
      'SELECT id FROM district WHERE id = ANY($1::text[]) ORDER BY id FOR SHARE',
      [districtIds],
    );
  }

  /** `districtId` limits the made-for units to the caller's district (undefined: any). */
  async resolve(districtId: string | undefined, rows: VendorRowKey[]): Promise<ResolvedRow[]> {
    return this.db.query(
      `SELECT e.idx, u.id AS "unitId", u.district_id AS "districtId", r.id AS "residentId",
              r.name AS "residentName", r.id_kind AS "residentIdKind",
              (e.card_number IS NOT NULL AND EXISTS (SELECT 1 FROM card x WHERE x.card_number = e.card_number))
                AS "numberTaken",
              lc.id AS "existingCardId", lc.state AS "existingState"
       FROM jsonb_to_recordset($1::jsonb) AS e(idx int, id_number text, unit_code text, card_number text)
       LEFT JOIN unit u ON u.registration_code = e.unit_code AND ($2::text IS NULL OR u.district_id = $2::text)
       LEFT JOIN resident r ON r.id_number = e.id_number
       LEFT JOIN LATERAL (
         SELECT x.id, x.state FROM card_current x WHERE x.resident_id = r.id
         ORDER BY (x.state = 'not_made_data_problem'), x.created_at DESC, x.id LIMIT 1) lc ON true
       ORDER BY e.idx`,
      [
        JSON.stringify(
          rows.map((r) => ({
            idx: r.idx,
            id_number: r.idNumber,
            unit_code: r.unitCode,
            card_number: r.cardNumber,
          })),
        ),
        districtId ?? null,
      ],
    );
  }

  async insertCards(cards: NewCard[]): Promise<InsertedCard[]> {
    if (cards.length === 0) return [];
    return this.db.query(
      `INSERT INTO card (district_id, resident_id, made_for_unit_id, card_number, state, problem)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])
       RETURNING id, district_id AS "districtId", resident_id AS "residentId", made_for_unit_id AS "unitId",
                 card_number AS "cardNumber", state, problem`,
      [
        cards.map((c) => c.districtId),
        cards.map((c) => c.residentId),
        cards.map((c) => c.unitId),
        cards.map((c) => c.cardNumber),
        cards.map((c) => c.state),
        cards.map((c) => c.problem),
      ],
    );
  }

  /**
   * N-2.6: cards not made for a data problem, now made after the data was collected again.
   * Guarded on the old state; returns the ids that moved. The card gets a new intake number, so
   * it goes out with the next dispatch, not into a batch dispatched before it was made.
   */
  async recollect(
    cards: { id: string; cardNumber: string; unitId: string; districtId: string }[],
    from: CardState,
    to: CardState,
  ): Promise<string[]> {
    if (cards.length === 0) return [];
    const rows = await this.db.query<{ id: string }>(
      `WITH moved AS (
         UPDATE card c SET state = $5, card_number = x.card_number, made_for_unit_id = x.unit_id,
                district_id = x.district_id, problem = NULL, updated_at = now(),
                intake_no = nextval('card_intake_seq')
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[]) AS x(id, card_number, unit_id, district_id)
         WHERE c.id = x.id AND c.state = $6
         RETURNING c.id)
       SELECT id FROM moved`,
      [
        cards.map((c) => c.id),
        cards.map((c) => c.cardNumber),
        cards.map((c) => c.unitId),
        cards.map((c) => c.districtId),
        to,
        from,
      ],
    );
    return rows.map((r) => r.id);
  }
}
