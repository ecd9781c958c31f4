import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const apiMain = join(repo, 'apps/api/dist/main.js');
const adminDist = join(repo, 'apps/admin/dist');

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A fresh database: a new one on real PostgreSQL (DATABASE_URL), else PGlite in a temp dir —
 * but never on CI (CI set), where a missing DATABASE_URL fails the run instead of falling back.
 */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const admin = process.env.DATABASE_URL;
  if (!admin && process.env.CI) {
    throw new Error('DATABASE_URL is not set: on CI the browser tests run on real PostgreSQL');
  }
  if (!admin) {
    const dir = mkdtempSync(join(tmpdir(), 'sscard-e2e-'));
    return {
      env: { SSCARD_DATA_DIR: join(dir, 'pglite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `sscard_e2e_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API did not become healthy in time:\n${output()}`);
}

/**
 * Starts the real, built API as its own process, as `npm start` does: demo seed and accounts,
 * a fixed business date, serving the built admin at /.
 */
export async function startApiServer(options: {
  today: string;
  /** More settings for this run (e.g. a small STUDENT_FILE_MAX_MB to test the size cap). */
  env?: Record<string, string>;
}): Promise<ApiServer> {
  for (const [what, path] of [
    ['apps/api/dist/main.js', apiMain],
    ['apps/admin/dist/index.html', join(adminDist, 'index.html')],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${what} is missing: run \`npm run build\` first`);
  }
  const port = await freePort();
  const db = await freshDatabase();
  const child = spawn(process.execPath, [apiMain], {
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SSCARD_SEED: 'demo',
      SSCARD_TODAY: options.today,
      LOG_LEVEL: 'warn',
      ADMIN_DIST: adminDist,
      ...options.env,
      ...db.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    await db.drop();
    throw error;
  }
  return {
    url,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await db.drop();
    },
  };
}
