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
 * Some tests need a PostgreSQL server: a second connection racing the first, a process killed or
 * restarted while the database lives on, a database that goes away. Without DATABASE_URL they
 * are skipped on a developer's machine, and their name says why (see postgresOnly); on CI (CI
 * set) they are not skipped, they fail — and so does every createTestApp — so a CI without
 * PostgreSQL cannot pass by leaving them out.
 */
export const skipWithoutPostgres = !realPostgres && !process.env.CI;

/** The name of a PostgreSQL-only test: with the reason appended when it is skipped. */
export function postgresOnly(name: string): string {
  return skipWithoutPostgres
    ? `${name} [SKIPPED: needs a PostgreSQL server, set DATABASE_URL]`
    : name;
}

/** DATABASE_URL (the server's admin connection), or a failure that says what is missing. */
export function requirePostgres(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: this test needs a real PostgreSQL server (on CI it may not be skipped)',
    );
  }
  return url;
}

/**
 * A fresh database per test file: on real PostgreSQL (DATABASE_URL) a new database is created
 * and dropped afterwards; otherwise (never on CI) an in-memory PGlite. The real AppModule runs
 * on top.
 */
export async function createTestApp(
  env: Partial<Record<keyof AppConfig, string>> = {},
): Promise<TestApp> {
  let dbName: string | undefined;
  let url: string | undefined;
  const admin = process.env.DATABASE_URL;
  // On CI every API test runs on real PostgreSQL: a missing server is a failure, not PGlite.
  if (process.env.CI) requirePostgres();
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
