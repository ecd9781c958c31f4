// Roster import end to end on real PostgreSQL through the HTTP API, both ways: one-pass
// (commitWhenValid: read, checked and written in one transaction) and two-step (upload + dry run +
// all-or-nothing commit), next to a baseline measured in the same run: exceljs streaming parse of
// the same file plus a bare COPY of the same rows (import-baseline.mjs). Prints rows/s, CPU
// seconds of each side, the API's peak RSS and the ratio.
//   BENCH_IMPORT_ROWS=1000000 npm run bench   — the 1M-row run (the API always runs with
//   --max-old-space-size=512 here, so a run that completes proves the heap cap holds).
//   BENCH_IMPORT_ROUNDS=3 — rounds; each round runs the baseline and then the import, each in a
//   process of its own started for it, and the ratio is of the best round of each (the least
//   disturbed). Fresh processes per round because on a shared machine one process can run
//   slower than the next for its whole life (up to twice the CPU for the same work, seen on the
//   two-core CI machine), and a baseline or API stuck in one such process would decide the
//   ratio either way.
//   BENCH_IMPORT_MODES=one-pass (or two-step) — that mode only, e.g. to profile it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { openAsBlob, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import pg from 'pg';
import {
  dropDatabase,
  freshDatabase,
  idNumberFor,
  ratio,
  root,
  runBaseline,
  waitForHealth,
} from './bench-db.mjs';

const require = createRequire(join(root, 'apps/api/package.json'));
const ExcelJS = require('exceljs');

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_IMPORT_ROUNDS ?? 1));
const MODES = (process.env.BENCH_IMPORT_MODES ?? 'one-pass,two-step').split(',');
// Per run: two runs at once on a shared machine (another checkout) must not drop each other's
// database or fight for a port.
const DB = `sscard_bench_import_${process.pid}`;
const PORT = await new Promise((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => resolve(port));
  });
});
const file = join(tmpdir(), `sscard-bench-roster-${ROWS}.xlsx`);

function birthDateOf(id) {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

async function writeRoster() {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '公民身份号码', '出生日期', '人员类别', '补助标识', '班级']).commit();
  for (let n = 0; n < ROWS; n += 1) {
    const id = idNumberFor(n);
    ws.addRow([`学生${n}`, id, birthDateOf(id), '学生儿童', '', `${(n % 12) + 1}班`]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Baseline, in a process of its own: the same file through exceljs's streaming reader, COPYed. */
const baseline = (url) => runBaseline('./import-baseline.mjs', [url, file]);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** CPU seconds (user + system) used so far by a process, from /proc (Linux). */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process ended meanwhile
  }
}

/** CPU seconds of every PostgreSQL process of the machine (the server and its backends). */
function postgresCpuSeconds() {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        total += cpuSeconds(entry);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function api(path, token, init = {}) {
  const res = await fetch(`http://127.0.0.1:${PORT}/api${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function waitFor(token, id, states) {
  for (;;) {
    const job = await api(`/imports/${id}`, token);
    if (states.includes(job.state)) return job;
    if (['invalid', 'failed', 'interrupted'].includes(job.state)) {
      throw new Error(`import ${job.state}: ${job.message ?? ''} (${job.issueCount} issues)`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

console.log(`Writing a ${ROWS.toLocaleString()}-row roster …`);
await writeRoster();
console.log(`  ${(statSync(file).size / 1e6).toFixed(1)} MB`);

const url = await freshDatabase(DB);
// BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** The built API on the benchmark's database, its heap capped as the 1M-row case requires. */
async function startApi() {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=512', ...nodeArgs, 'apps/api/dist/main.js'],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        SSCARD_SEED: 'none',
        LOG_LEVEL: 'warn',
        IMPORT_DIR: join(tmpdir(), 'sscard-bench-imports'),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  await waitForHealth(`http://127.0.0.1:${PORT}/api/health`, child);
  return child;
}

async function stopApi(child) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
}

const MODE_LABELS = {
  'one-pass': 'one-pass (upload + read, check and write)',
  'two-step': 'two-step (upload + dry run + commit)',
};
const MODE_NOTES = {
  'one-pass': '(target ≥ 0.50)',
  'two-step': '(with a person between dry run and commit)',
};

// The API migrates the fresh database when it starts.
let child = await startApi();
await stopApi(child);
child = undefined;
const client = new pg.Client({ connectionString: url });
try {
  await client.connect();
  await client.query(
    `INSERT INTO district (id, name_zh, name_en, centre_name) VALUES ('110105', '朝阳区', 'Chaoyang', '朝阳区社保中心')`,
  );
  const [unit] = (
    await client.query(
      `INSERT INTO unit (district_id, name, kind, registration_code) VALUES ('110105', '朝阳区第一小学', 'school', '11010500001') RETURNING id`,
    )
  ).rows;
  await client.query(
    `INSERT INTO app_user (username, display_name, password_hash, role, district_id) VALUES ('bench', 'bench', $1, 'district_staff', '110105')`,
    [await argon2.hash('bench-password')],
  );
  const signIn = () =>
    fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
    }).then((r) => r.json());

  /**
   * One import through the API. Two-step: upload, poll until valid, commit, poll until
   * committed. One-pass (`commitWhenValid`): upload, poll until committed.
   */
  async function ours(mode, token) {
    const onePass = mode === 'one-pass';
    const cpu0 = { api: cpuSeconds(child.pid), pg: postgresCpuSeconds() };
    const t0 = performance.now();
    const form = new FormData();
    form.append('kind', 'roster');
    form.append('unitId', unit.id);
    form.append('commitWhenValid', String(onePass));
    // openAsBlob streams from disk rather than reading the file whole.
    const blob = await openAsBlob(file, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    form.append('file', blob, 'roster.xlsx');
    const job = await api('/imports', token, { method: 'POST', body: form });
    const checked = await waitFor(token, job.id, onePass ? ['committed'] : ['valid']);
    const tValid = performance.now();
    if (!onePass) await api(`/imports/${job.id}/commit`, token, { method: 'POST' });
    const done = await waitFor(token, job.id, ['committed']);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = {
      api: cpuSeconds(child.pid) - cpu0.api,
      pg: postgresCpuSeconds() - cpu0.pg,
    };
    const { rows: count } = await client.query('SELECT count(*)::int AS n FROM resident');
    if (count[0].n !== ROWS || checked.rowsValid !== ROWS) {
      throw new Error(`expected ${ROWS} residents, found ${count[0].n} (${JSON.stringify(done)})`);
    }
    // The next round imports the same file into the same empty tables. TRUNCATE, not DELETE:
    // the audit log refuses row deletes (append-only trigger); CASCADE takes the tables that
    // reference these (institutions, issues, staged rows), all empty or the import's own.
    await client.query('TRUNCATE resident, audit_log, import_job CASCADE');
    await client.query('VACUUM ANALYZE');
    return { seconds, dryRun: (tValid - t0) / 1000, cpu };
  }

  // Each round: the baseline in a fresh process, then the import in a fresh API process. The
  // API's peak RSS is the highest of its rounds.
  const results = [];
  for (const mode of MODES) {
    let bestBase = Infinity;
    let best = { seconds: Infinity, dryRun: 0 };
    let rss = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const base = await baseline(url);
      bestBase = Math.min(bestBase, base.seconds);
      console.log(
        `${mode} round ${round} baseline (exceljs stream parse + COPY): ${base.rows.toLocaleString()} rows in ${base.seconds.toFixed(2)} s = ${Math.round(base.rows / base.seconds).toLocaleString()} rows/s; CPU s: Node ${base.cpu.node.toFixed(1)}, PostgreSQL ${base.cpu.pg.toFixed(1)} (load ${load()})`,
      );
      child = await startApi();
      const { token } = await signIn();
      const run = await ours(mode, token);
      rss = Math.max(rss, peakRssMb(child.pid));
      await stopApi(child);
      child = undefined;
      if (run.seconds < best.seconds) best = run;
      const dryRun = mode === 'two-step' ? ` (dry run ${run.dryRun.toFixed(2)} s)` : '';
      console.log(
        `${mode} round ${round} sscard ${MODE_LABELS[mode]}: ${ROWS.toLocaleString()} rows in ${run.seconds.toFixed(2)} s${dryRun} = ${Math.round(ROWS / run.seconds).toLocaleString()} rows/s; CPU s: API ${run.cpu.api.toFixed(1)}, PostgreSQL ${run.cpu.pg.toFixed(1)} (load ${load()})`,
      );
    }
    results.push({ mode, bestBase, best, rss });
  }
  for (const { mode, bestBase, best, rss } of results) {
    const baseRate = ROWS / bestBase;
    const rate = ROWS / best.seconds;
    console.log(
      `${mode}, best of ${ROUNDS}: baseline ${Math.round(baseRate).toLocaleString()} rows/s (${bestBase.toFixed(2)} s), ` +
        `sscard ${Math.round(rate).toLocaleString()} rows/s (${best.seconds.toFixed(2)} s), API peak RSS ${rss} MB; ` +
        `ratio ${ratio(rate, baseRate)} ${MODE_NOTES[mode]}; peak RSS target < 300 MB`,
    );
  }
} finally {
  await client.end().catch(() => undefined);
  if (child) await stopApi(child);
  await dropDatabase(DB);
  rmSync(file, { force: true });
}
