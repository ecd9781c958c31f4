import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryErrorLogger } from './query-error.logger.js';

describe('QueryErrorLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs the code, message and constraint of a failed query, never its parameters or detail', () => {
    const error = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const failure = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint: 'uq_resident_id_number',
      detail: 'Key (id_number)=(110105200001031079) already exists.',
    });
    // As TypeORM calls it: with the parameters as a third argument.
    const logger: { logQueryError(e: Error, q: string, p: unknown[]): void } =
      new QueryErrorLogger();
    logger.logQueryError(failure, 'INSERT INTO resident (id_number, name)\nVALUES ($1, $2)', [
      '110105200001031079',
      '王小明',
    ]);
    expect(error).toHaveBeenCalledTimes(1);
    const line = String(error.mock.calls[0]?.[0]);
    expect(line).toBe(
      'query failed: 23505 duplicate key value violates unique constraint on uq_resident_id_number — INSERT INTO resident (id_number, name)',
    );
    expect(line).not.toContain('110105200001031079');
    expect(line).not.toContain('王小明');
  });
});
