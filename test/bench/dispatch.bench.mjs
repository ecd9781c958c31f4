// Dispatch of a district with 5,000 units and 1,000,000 made cards through the real endpoint
// (routing + batches + card states + notices + audit), next to the floor any dispatch has to pay:
// one bare UPDATE touching every card, measured on the same database in the same run.
import argon2 from 'argon2';
import pg from 'pg';
import {
  dropDatabase,
  freshDatabase,
  generateDistrict,
  ratio,
  startApi,
  stop,
} from './bench-db.mjs';

const UNITS = Number(process.env.BENCH_UNITS ?? 5_000);
const CARDS = Number(process.env.BENCH_CARDS ?? 1_000_000);
const DB = 'sscard_bench_dispatch';
const PORT = 3103;

const url = await freshDatabase(DB);
const api = await startApi(url, PORT, { SSCARD_TODAY: '2010-12-15' });
const client = new pg.Client({ connectionString: url });
await client.connect();
console.log(
  `Generating ${UNITS.toLocaleString()} units and ${CARDS.toLocaleString()} made cards …`,
);
let t0 = Date.now();
await generateDistrict(client, { units: UNITS, cards: CARDS });
console.log(`… generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
await client.query(
  `INSERT INTO app_user (username, display_name, password_hash, role, district_id) VALUES ('bench', 'bench', $1, 'district_staff', '110105')`,
  [await argon2.hash('bench-password')],
);

// Baseline: the cheapest statement that touches every card once, then undone.
await client.query('BEGIN');
t0 = performance.now();
await client.query(`UPDATE card SET updated_at = now() WHERE state = 'made'`);
const baselineMs = performance.now() - t0;
await client.query('ROLLBACK');
await client.query('VACUUM ANALYZE card');

const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
}).then((r) => r.json());

t0 = performance.now();
const res = await fetch(`http://127.0.0.1:${PORT}/api/batches/dispatch`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
  body: JSON.stringify({ pickupPlace: '朝阳区社保中心一层发卡大厅', pickupDeadline: '2011-01-08' }),
});
const oursMs = performance.now() - t0;
const body = await res.json();
// Effective states: the dispatch writes no card row, card_current shows the cards in their batches.
const [check] = (
  await client.query(
    `SELECT count(*) FILTER (WHERE state = 'made')::int AS left, count(DISTINCT batch_id)::int AS batches FROM card_current`,
  )
).rows;
await client.end();
await stop(api);
await dropDatabase(DB);

if (res.status !== 201 && res.status !== 200) {
  console.error('dispatch failed', res.status, body);
  process.exit(1);
}
console.log(
  `\nDispatch of ${UNITS.toLocaleString()} units / ${CARDS.toLocaleString()} cards on real PostgreSQL`,
);
console.table({
  'sscard POST /api/batches/dispatch': {
    ms: Math.round(oursMs),
    batches: body.batchCount,
    cards: body.cardCount,
  },
  'bare UPDATE of every card': { ms: Math.round(baselineMs), batches: '-', cards: CARDS },
});
console.log(
  `ratio (baseline time / our time): ${ratio(baselineMs, oursMs)}   target: ours < 10,000 ms`,
);
console.log(`check: ${check.left} cards left in 'made', ${check.batches} batches`);
