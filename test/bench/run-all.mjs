// `npm run bench`: every benchmark in turn, each printing our figure next to its baseline.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, [`${dir}${file}`], {
    stdio: 'inherit',
    env: process.env,
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
