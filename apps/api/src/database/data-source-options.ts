import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { QueryErrorLogger } from './query-error.logger.js';

export function dataSourceOptions(
  url: string,
  poolSize: number,
  connectionWaitMs: number,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    logger: new QueryErrorLogger(),
    extra: { max: poolSize, connectionTimeoutMillis: connectionWaitMs, idleTimeoutMillis: 30_000 },
  };
}
