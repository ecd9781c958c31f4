import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, type AppRuntime } from '../src/app-factory.js';
import { type AppConfig, parseConfig } from '../src/config/app-config.js';

export interface TestApp {
  runtime: AppRuntime;
  http: ReturnType<typeof request>;
  /** A direct connection to the test database, for arranging data and checking results. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const realPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A fresh database per test file: on real PostgreSQL (DATABASE_URL) a new database is created
 * and dropped afterwards; otherwise an in-memory PGlite. The real AppModule runs on top.
 */
export async function createTestApp(
  env: Partial<Record<keyof AppConfig, string>> = {},
): Promise<TestApp> {
  let dbName: string | undefined;
  let url: string | undefined;
  const admin = process.env.DATABASE_URL;
  if (admin) {
    dbName = `sscard_test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${dbName}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const config = parseConfig({
    SSCARD_SEED: 'none',
    SSCARD_DATA_DIR: 'memory',
    LOG_LEVEL: 'error',
    ...env,
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const runtime = await createApp(config, { quiet: true });
  // PGlite serves one connection, so on it the test goes through the app's own DataSource.
  const pool = runtime.embedded
    ? undefined
    : new pg.Pool({ connectionString: runtime.databaseUrl, max: 2 });
  const dataSource = runtime.app.get(DataSource);
  return {
    runtime,
    http: request(runtime.app.getHttpServer()),
    sql: <T>(text: string, params: unknown[] = []) =>
      (pool
        ? pool.query(text, params).then((r) => r.rows)
        : dataSource.query(text, params)) as Promise<T[]>,
    async close() {
      await pool?.end();
      await runtime.close();
      if (admin && dbName) {
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await client.end();
      }
    },
  };
}
