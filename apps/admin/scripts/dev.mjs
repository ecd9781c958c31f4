// `npm run dev`: Vite with hot reload, /api proxied to the API. When no API answers on
// SSCARD_API_URL (default http://localhost:3000), it builds and starts one (as `npm start` does)
// and stops it again on exit.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const apiUrl = process.env.SSCARD_API_URL ?? 'http://localhost:3000';

async function apiUp() {
  try {
    return (await fetch(`${apiUrl}/api/health`)).ok;
  } catch {
    return false;
  }
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`)),
    );
  });
}

let api;
if (!(await apiUp())) {
  console.log(`No API at ${apiUrl}: building and starting one…`);
  await run('npx', [
    'turbo',
    'run',
    'build',
    '--filter=@sscard/api...',
    '--output-logs=errors-only',
  ]);
  api = spawn(process.execPath, ['apps/api/dist/main.js'], { cwd: repo, stdio: 'inherit' });
  const deadline = Date.now() + 120_000;
  while (!(await apiUp())) {
    if (api.exitCode !== null || Date.now() > deadline) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
}

const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
});
await server.listen();
server.printUrls();

const stop = async () => {
  api?.kill('SIGTERM');
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
