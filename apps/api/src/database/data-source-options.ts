import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

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
    extra: { max: poolSize, connectionTimeoutMillis: connectionWaitMs, idleTimeoutMillis: 30_000 },
  };
}
