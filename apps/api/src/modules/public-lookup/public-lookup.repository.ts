import { Injectable } from '@nestjs/common';
import type { CardState } from '@sscard/rules';
import { DatabaseContext } from '../../database/database-context.js';

export interface LookupRow {
  name: string;
  state: CardState | null;
  unitName: string | null;
}

@Injectable()
export class PublicLookupRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** One indexed query: the person by ID number and their most recent card with its unit. */
  async find(idNumber: string): Promise<LookupRow | undefined> {
    const [row] = await this.db.query<LookupRow>(
      `SELECT r.name, c.state, u.name AS "unitName"
       FROM resident r
       LEFT JOIN LATERAL (
         SELECT state, made_for_unit_id FROM card_current WHERE resident_id = r.id ORDER BY created_at DESC LIMIT 1
       ) c ON true
       LEFT JOIN unit u ON u.id = c.made_for_unit_id
       WHERE r.id_number = $1`,
      [idNumber],
    );
    return row;
  }
}
