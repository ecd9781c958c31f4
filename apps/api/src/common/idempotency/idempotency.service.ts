import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { bi } from '@sscard/rules';
import { DatabaseContext } from '../../database/database-context.js';
import type { Actor } from '../auth/actor.js';
import { ValidationFailed } from '../errors/api-errors.js';

/**
 * Runs a state change in one transaction; with an Idempotency-Key the first result is stored in
 * that same transaction, and a retry with the same key returns it instead of acting twice. A
 * concurrent retry waits on the key's row until the first attempt commits or rolls back.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly db: DatabaseContext) {}

  run<T>(
    actor: Actor,
    key: string | undefined,
    request: unknown,
    work: () => Promise<T>,
  ): Promise<T> {
    if (key === undefined || key === '') return this.db.transaction(work);
    if (key.length > 200) {
      throw new ValidationFailed({
        'Idempotency-Key': bi(
          '幂等键不能超过200个字符',
          'Idempotency-Key is at most 200 characters',
        ),
      });
    }
    const hash = createHash('sha256')
      .update(JSON.stringify(request ?? null))
      .digest('hex');
    return this.db.transaction(async () => {
      const inserted = await this.db.query(
        `INSERT INTO idempotency_key (user_id, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT pk_idempotency_key DO NOTHING RETURNING key`,
        [actor.userId, key, hash],
      );
      if (inserted.length === 0) {
        const [stored] = await this.db.query<{ request_hash: string; response: T }>(
          'SELECT request_hash, response FROM idempotency_key WHERE user_id = $1 AND key = $2',
          [actor.userId, key],
        );
        if (!stored || stored.request_hash !== hash) {
          throw new ValidationFailed({
            'Idempotency-Key': bi(
              '该幂等键已用于另一个请求',
              'This Idempotency-Key was used for a different request',
            ),
          });
        }
        return stored.response;
      }
      const result = await work();
      await this.db.query(
        'UPDATE idempotency_key SET response = $3 WHERE user_id = $1 AND key = $2',
        [actor.userId, key, JSON.stringify(result ?? null)],
      );
      return result;
    });
  }
}
