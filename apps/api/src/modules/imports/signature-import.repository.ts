import { Injectable } from '@nestjs/common';
import type { CardState } from '@sscard/rules';
import { DatabaseContext } from '../../database/database-context.js';

/** What signing needs to know about one card number of the sheet. */
export interface CardToSign {
  cardNumber: string;
  id: string;
  districtId: string;
  batchId: string | null;
  state: CardState;
  holderName: string;
  designatedPersonName: string | null;
  signedOn: string | null;
  signedBy: string | null;
}

@Injectable()
export class SignatureImportRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * The cards of the list made for the unit (or one of its sub-units), with their effective
   * state and any signature. A number that is not the unit's is simply absent.
   */
  cardsOfUnit(unitId: string, cardNumbers: string[]): Promise<CardToSign[]> {
    return this.db.query<CardToSign>(
      `SELECT c.card_number AS "cardNumber", c.id, c.district_id AS "districtId",
              c.batch_id AS "batchId", c.state, r.name AS "holderName",
              u.designated_person_name AS "designatedPersonName",
              s.signed_on::text AS "signedOn", s.signer_name AS "signedBy"
       FROM card_current c
       JOIN unit u ON u.id = c.made_for_unit_id
       JOIN resident r ON r.id = c.resident_id
       LEFT JOIN signature s ON s.card_id = c.id
       WHERE c.card_number = ANY($1::text[]) AND (u.id = $2 OR u.parent_unit_id = $2)`,
      [cardNumbers, unitId],
    );
  }
}
