import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  postgresOnly,
  requirePostgres,
  skipWithoutPostgres,
  type TestApp,
} from '../test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Runs SQL as the server's admin, outside the database under test. */
async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: requirePostgres() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('database outage', () => {
  it.skipIf(skipWithoutPostgres)(
    postgresOnly(
      'health and requests say 503 while the database refuses connections and recovers without a restart (real PostgreSQL only: PGlite runs inside the process and cannot go away)',
    ),
    async () => {
      const dbName = new URL(t.runtime.databaseUrl).pathname.slice(1);
      expect((await t.http.get('/api/health')).status).toBe(200);
      await asAdmin(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
      await asAdmin(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName}' AND pid <> pg_backend_pid()`,
      );
      const down = await t.http.get('/api/health');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ status: 'degraded', database: 'down' });
      const login = await t.http.post('/api/auth/login').send({ username: 'x', password: 'y' });
      expect(login.status).toBe(503);
      expect(login.body.error).toBe('database_unavailable');
      await asAdmin(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i += 1) {
        status = (await t.http.get('/api/health')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
      expect(
        (await t.http.post('/api/auth/login').send({ username: 'x', password: 'y' })).status,
      ).toBe(401);
    },
  );
});
