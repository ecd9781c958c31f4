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

  /**
   * The person by ID number and their most recent card with its unit: one indexed query inside
   * public_card_status(), whose plan PostgreSQL keeps per connection.
   */
  async find(idNumber: string): Promise<LookupRow | undefined> {
    const [row] = await this.db.query<LookupRow>(
      `SELECT holder_name AS name, card_state AS state, unit_name AS "unitName" FROM public_card_status($1)`,
      [idNumber],
    );
    return row;
  }
}
