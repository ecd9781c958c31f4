import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * TypeORM's own logger prints a failed query with its parameters, and PostgreSQL's detail names
 * the key ("Key (id_number)=(…) already exists"): full ID numbers and names in the server log,
 * on paths that are expected (a person registered twice, a one-pass import falling back to its
 * dry run). This one logs what an operator needs — the error code, the constraint, the message
 * and the statement's first line — and never a parameter or the detail.
 */
export class QueryErrorLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  /** TypeORM also passes the parameters; they are deliberately not taken. */
  logQueryError(error: string | Error, query: string): void {
    const e: PgFields = typeof error === 'string' ? { message: error } : error;
    const where = e.constraint ? ` on ${e.constraint}` : '';
    const code = e.code ? `${e.code} ` : '';
    const statement = query.trim().split('\n')[0]?.slice(0, 120) ?? '';
    this.logger.error(`query failed: ${code}${e.message}${where} — ${statement}`);
  }

  // Only failures are logged, as with `logging: ['error']` before.
  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

interface PgFields {
  message: string;
  code?: string;
  constraint?: string;
}
