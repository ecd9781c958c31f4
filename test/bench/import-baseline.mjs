// Baseline of import.bench.mjs, run in a process of its own for each round (as the API is): the
// floor any roster import pays — the same file through exceljs's streaming reader, its rows
// COPYed into a bare table (no constraints, no indexes). No validation, no HTTP, no Nest.
// Usage: node import-baseline.mjs <database url> <file.xlsx>; prints {"rows","seconds","cpu"},
// cpu being the CPU seconds of this process and of its PostgreSQL backend.
import { readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const [url, file] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query('DROP TABLE IF EXISTS bench_copy');
await client.query(
  'CREATE TABLE bench_copy (id_number text, name text, birth_date date, category text, class_name text)',
);
// The backend's CPU, read while it lives (it exits with the connection). Linux /proc.
const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
function backendCpuSeconds() {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const pg0 = backendCpuSeconds();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const copy = client.query(copyFrom('COPY bench_copy FROM STDIN (FORMAT csv)'));
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
  sharedStrings: 'cache',
  styles: 'cache',
  worksheets: 'emit',
});
let rows = 0;
async function* lines() {
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue;
      const v = row.values;
      rows += 1;
      yield `${v[2]},${v[1]},${v[3]},student_child,${v[6]}\n`;
    }
    break;
  }
}
await pipeline(lines, copy);
const seconds = (performance.now() - t0) / 1000;
const used = process.cpuUsage(cpu0);
const pgSeconds = backendCpuSeconds() - pg0;
await client.query('DROP TABLE bench_copy');
await client.end();
console.log(
  JSON.stringify({ rows, seconds, cpu: { node: (used.user + used.system) / 1e6, pg: pgSeconds } }),
);
