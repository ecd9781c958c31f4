import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../../database/database-context.js';
import type { ResidentDetail } from './residents.dto.js';

type Parts = Pick<
  ResidentDetail,
  'subsidyVerifications' | 'enrolments' | 'cards' | 'categoryChanges' | 'temporaryCertificate'
>;

/** The read-only pieces of a resident's detail page, one query each. */
@Injectable()
export class ResidentDetailRepository {
  constructor(private readonly db: DatabaseContext) {}

  async parts(residentId: string): Promise<Parts> {
    const p = [residentId];
    const subsidyVerifications = await this.db.query<Parts['subsidyVerifications'][number]>(
      `SELECT id, policy_year AS "policyYear", flag, passed, acted_by AS "actedBy", evidence,
              to_char(verified_on, 'YYYY-MM-DD') AS "verifiedOn"
       FROM subsidy_verification WHERE resident_id = $1 ORDER BY policy_year, flag`,
      p,
    );
    const enrolments = await this.db.query<Parts['enrolments'][number]>(
      `SELECT e.id, e.policy_year AS "policyYear", e.category, to_char(e.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn",
              e.payment_method AS "paymentMethod", e.fee_yuan AS "feeYuan", e.exempt,
              EXISTS (SELECT 1 FROM payment pm WHERE pm.enrolment_id = e.id) AS paid,
              json_build_object('id', u.id, 'name', u.name) AS unit
       FROM enrolment e JOIN unit u ON u.id = e.unit_id WHERE e.resident_id = $1 ORDER BY e.policy_year`,
      p,
    );
    // N-2.4a: both the unit a card was made for and the person's current unit.
    const cards = await this.db.query<Parts['cards'][number]>(
      `SELECT c.id, c.card_number AS "cardNumber", c.state, c.problem,
              json_build_object('id', mu.id, 'name', mu.name) AS "madeForUnit",
              CASE WHEN cu.id IS NULL THEN NULL ELSE json_build_object('id', cu.id, 'name', cu.name) END AS "currentUnit"
       FROM card_current c JOIN unit mu ON mu.id = c.made_for_unit_id
       JOIN resident r ON r.id = c.resident_id LEFT JOIN unit cu ON cu.id = r.current_unit_id
       WHERE c.resident_id = $1 ORDER BY c.created_at, c.id`,
      p,
    );
    const categoryChanges = await this.db.query<Parts['categoryChanges'][number]>(
      `SELECT id, from_category AS "from", to_category AS "to", to_char(changed_on, 'YYYY-MM-DD') AS "changedOn",
              to_char(synced_on, 'YYYY-MM-DD') AS "syncedOn", card_id AS "cardId"
       FROM category_change WHERE resident_id = $1 ORDER BY changed_on, id`,
      p,
    );
    const [temporaryCertificate] = await this.db.query<NonNullable<Parts['temporaryCertificate']>>(
      `SELECT id, number, to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn"
       FROM temporary_certificate WHERE resident_id = $1 AND closed_on IS NULL`,
      p,
    );
    return {
      subsidyVerifications,
      enrolments,
      cards,
      categoryChanges,
      temporaryCertificate: temporaryCertificate ?? null,
    };
  }
}
