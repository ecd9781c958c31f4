// Export of a 100,000-line 《北京市社会保障卡发行回执单》 through HTTP (GET /api/batches/:id/receipt.xlsx):
// time to the last byte and the API process's peak RSS (VmHWM), next to a baseline measured in the
// same run — a bare script (export-baseline.mjs: the same keyset-paged pg queries and the exceljs
// stream writer to /dev/null, no Nest, no HTTP) in its own process.
import { readFileSync, writeFileSync } from 'node:fs';
import argon2 from 'argon2';
import pg from 'pg';
import {
  dropDatabase,
  freshDatabase,
  generateDistrict,
  ratio,
  runBaseline,
  startApi,
  stop,
} from './bench-db.mjs';

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const DB = 'sscard_bench_export';
const PORT = 3105;
const TARGET_MS = 5_000;
const TARGET_MB = 250;

/** The process's peak resident set (VmHWM) and current RSS, in MB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** Resets VmHWM to the current RSS (Linux clear_refs 5), so the peak is the measured run's. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function api(path, token, init = {}) {
  const res = await fetch(`http://127.0.0.1:${PORT}/api${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Downloads the export, reading the body as it streams; returns ms to the last byte and bytes. */
async function download(batchId, token) {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORT}/api/batches/${batchId}/receipt.xlsx`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  return { ms: performance.now() - t0, bytes, type: res.headers.get('content-type') };
}

const url = await freshDatabase(DB);
const apiProcess = await startApi(url, PORT, { SSCARD_TODAY: '2011-01-05' });
const client = new pg.Client({ connectionString: url });
await client.connect();
console.log(`Generating one unit with ${CARDS.toLocaleString()} made cards …`);
const t0 = Date.now();
await generateDistrict(client, { units: 1, cards: CARDS });
const [user] = (
  await client.query(
    `INSERT INTO app_user (username, display_name, password_hash, role, district_id)
     VALUES ('bench', 'bench', $1, 'district_staff', '110105') RETURNING id`,
    [await argon2.hash('bench-password')],
  )
).rows;
await client.query(
  `UPDATE unit SET designated_person_name = '李老师', designated_person_phone = '13800000000'`,
);
// Through the API: dispatch (N-2.2a, ≥ 600 → direct delivery), the receiver, the delivery.
const login = await api('/auth/login', undefined, {
  method: 'POST',
  body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
});
await api('/batches/dispatch', login.token, {
  method: 'POST',
  body: JSON.stringify({ pickupPlace: '朝阳区社保中心一层发卡大厅', pickupDeadline: '2011-01-10' }),
});
const [batch] = (await client.query('SELECT id, card_count FROM batch')).rows;
await api(`/batches/${batch.id}/receiver`, login.token, {
  method: 'PUT',
  body: JSON.stringify({ name: '王接收', phone: '13900000000' }),
});
await api(`/batches/${batch.id}/delivery`, login.token, {
  method: 'POST',
  body: JSON.stringify({ destination: 'unit' }),
});
// Half of the cards signed for (N-2.3), in SQL: the export prints the signer on those lines.
await client.query(
  `WITH signed AS (
     UPDATE card SET state = 'issued' WHERE batch_id = $1 AND intake_no % 2 = 0 RETURNING id, district_id)
   INSERT INTO signature (district_id, card_id, batch_id, signer_kind, signer_name, signed_on, recorded_by)
   SELECT district_id, id, $1, 'self', '家长', '2011-01-05', $2 FROM signed`,
  [batch.id, user.id],
);
await client.query('VACUUM ANALYZE');
console.log(`… generated and delivered in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// A fresh API process, so its peak RSS is the export's and not the data generation's (nor the
// boot's: the peak is reset right before each run).
await stop(apiProcess);

/** Runs the export `runs` times on a fresh API process started with `nodeArgs`. */
async function measure(runs, nodeArgs = '') {
  const saved = process.env.BENCH_NODE_ARGS;
  process.env.BENCH_NODE_ARGS = nodeArgs;
  const child = await startApi(url, PORT, { SSCARD_TODAY: '2011-01-05' });
  process.env.BENCH_NODE_ARGS = saved ?? '';
  const login = await api('/auth/login', undefined, {
    method: 'POST',
    body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
  });
  const results = [];
  for (let i = 0; i < runs; i += 1) {
    const reset = resetPeak(child.pid);
    const before = memory(child.pid);
    const run = await download(batch.id, login.token);
    results.push({ ...run, before, after: memory(child.pid), reset });
  }
  await stop(child);
  return results;
}

const [cold, warm] = await measure(2);
// The same export with the old generation capped: the workbook's working set, without the
// garbage V8 lets pile up before it collects (it completes, so memory does not grow with lines).
const [capped] = await measure(1, '--max-old-space-size=96');
await client.end();

// Baseline: the bare script in its own process, on the same database and rows.
let baseline;
try {
  baseline = await runBaseline('./export-baseline.mjs', [url, batch.id]);
} finally {
  await dropDatabase(DB);
}

console.log(
  `\nExport of a ${CARDS.toLocaleString()}-line receipt workbook (${(cold.bytes / 1e6).toFixed(1)} MB, ${cold.type})`,
);
const row = (r) => ({
  ms: Math.round(r.ms),
  'RSS before MB': Math.round(r.before.rssMb),
  'peak RSS MB': Math.round(r.after.peakMb),
  lines: batch.card_count,
});
console.table({
  'sscard GET …/receipt.xlsx, fresh API': row(cold),
  'sscard GET …/receipt.xlsx, 2nd run': row(warm),
  'sscard, API --max-old-space-size=96': row(capped),
  'bare pg keyset + exceljs → /dev/null': {
    ms: Math.round(baseline.ms),
    'RSS before MB': '-',
    'peak RSS MB': Math.round(baseline.peakMb),
    lines: baseline.lines,
  },
});
if (!cold.reset) console.log('(VmHWM could not be reset: the peaks include the API boot)');
console.log(
  `ratio (our time / baseline time): ${ratio(cold.ms, baseline.ms)} fresh, ${ratio(warm.ms, baseline.ms)} 2nd run;` +
    ` peak RSS / baseline peak RSS: ${ratio(cold.after.peakMb, baseline.peakMb)}`,
);
console.log(`targets: < ${TARGET_MS} ms and peak RSS < ${TARGET_MB} MB (fresh API process)`);
const met = cold.ms < TARGET_MS && cold.after.peakMb < TARGET_MB;
console.log(met ? 'targets met' : 'TARGETS MISSED');
