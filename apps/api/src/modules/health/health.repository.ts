import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../../database/database-context.js';

@Injectable()
export class HealthRepository {
  constructor(private readonly db: DatabaseContext) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
