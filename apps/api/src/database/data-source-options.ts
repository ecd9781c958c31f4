import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    // A dropped database must not hang requests: fail fast so /api/health can say 503.
    extra: { max: poolSize, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
  };
}
