// Shared set-up for the benchmarks: a throw-away database on the real PostgreSQL of DATABASE_URL,
// migrated by the API itself, and bulk data generated in SQL (never row by row).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export function adminUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'Benchmarks run on real PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).',
    );
    process.exit(2);
  }
  return url;
}

export async function freshDatabase(name) {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(name) {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** Starts the built API (apps/api/dist) on a port and waits for /api/health. */
export async function startApi(databaseUrl, port, extraEnv = {}) {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'apps/api/dist/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SSCARD_SEED: 'none',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, child);
  return child;
}

/**
 * Runs a baseline script of this folder in a process of its own (its heap and JIT state are not
 * the benchmark's) and returns the JSON it prints on stdout.
 */
export async function runBaseline(script, args) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL(script, import.meta.url)), ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${script} failed (${code}): ${out}`);
  return JSON.parse(out);
}

export async function waitForHealth(url, child) {
  for (let i = 0; i < 120; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${url}`);
}

export async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643 MOD 11-2 check digit as a SQL expression over a 17-character `body` column. */
export const CHECK_DIGIT_SQL = `substr('10X98765432', ((${WEIGHTS.map((w, i) => `substr(body, ${i + 1}, 1)::int * ${w}`).join(' + ')}) % 11) + 1, 1)`;

/** Body of the n-th generated resident ID: unique for n < 9,000,000. */
export const ID_BODY_SQL = (n) =>
  `'110105' || to_char(DATE '1990-01-01' + (${n} % 9000), 'YYYYMMDD') || lpad(((${n} / 9000) % 1000)::text, 3, '0')`;

/** The same ID in JS, to build request bodies. */
export function idNumberFor(n) {
  const d = new Date(Date.UTC(1990, 0, 1 + (n % 9000)));
  const body = `110105${d.toISOString().slice(0, 10).replaceAll('-', '')}${String(Math.floor(n / 9000) % 1000).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + Number(body[i]) * w, 0);
  return body + '10X98765432'[sum % 11];
}

/**
 * District 110105 with `units` schools and `cards` residents each holding one made card, spread
 * evenly over the units. Everything in a handful of INSERT … SELECT statements.
 */
export async function generateDistrict(client, { units, cards, state = 'made' }) {
  await client.query(
    `INSERT INTO district (id, name_zh, name_en, centre_name) VALUES ('110105', '朝阳区', 'Chaoyang', '朝阳区社保中心') ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO unit (district_id, name, kind, registration_code)
     SELECT '110105', '朝阳区第' || u || '学校', 'school', '1101059' || lpad(u::text, 5, '0') FROM generate_series(1, $1) u`,
    [units],
  );
  await client.query(
    `CREATE TEMP TABLE bench_units AS SELECT id, row_number() OVER (ORDER BY registration_code) - 1 AS k FROM unit`,
  );
  await client.query(
    `INSERT INTO resident (district_id, id_kind, id_number, name, birth_date, category)
     SELECT '110105', 'resident', body || ${CHECK_DIGIT_SQL}, '居民' || n, DATE '1990-01-01' + (n % 9000), 'student_child'
     FROM (SELECT n, ${ID_BODY_SQL('n')} AS body FROM generate_series(0, $1 - 1) n) g`,
    [cards],
  );
  await client.query(
    `INSERT INTO card (district_id, resident_id, made_for_unit_id, card_number, state)
     SELECT '110105', r.id, u.id, 'BJ' || lpad(r.n::text, 10, '0'), $2
     FROM (SELECT id, row_number() OVER () - 1 AS n FROM resident) r
     JOIN bench_units u ON u.k = r.n % $1`,
    [units, state],
  );
  // Vacuum now, so autovacuum does not wake up on the fresh rows in the middle of a measurement.
  await client.query('VACUUM ANALYZE');
}

export function ratio(ours, baseline) {
  return baseline > 0 ? (ours / baseline).toFixed(2) : 'n/a';
}
