// `npm run dev`: Vite with hot reload on http://localhost:5173, /api proxied to the API.
//
// 1. The rules package is built first (turbo: a no-op when its dist is up to date), because the
//    admin imports @sscard/rules from its built dist/.
// 2. When no API answers on SSCARD_API_URL (default http://localhost:3000), the API and what it
//    depends on are built the same way (a stale dist is rebuilt, a fresh one is reused) and the
//    API is started on that URL's port; it is stopped again when this script stops.
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
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

const build = (filter) =>
  run('npx', ['turbo', 'run', 'build', `--filter=${filter}`, '--output-logs=errors-only']);

let api;
const stop = async (server) => {
  api?.kill('SIGTERM');
  await server?.close();
  process.exit(0);
};

try {
  if (await apiUp()) {
    console.log(`Using the API at ${apiUrl}; building the rules the admin imports…`);
    await build('@sscard/rules');
  } else {
    console.log(`No API at ${apiUrl}: building the rules and the API, then starting it…`);
    await build('@sscard/api...');
    const port = new URL(apiUrl).port || '3000';
    api = spawn(process.execPath, ['apps/api/dist/main.js'], {
      cwd: repo,
      stdio: 'inherit',
      env: { ...process.env, PORT: port },
    });
    const deadline = Date.now() + 180_000;
    while (!(await apiUp())) {
      if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
      if (Date.now() > deadline) throw new Error('the API did not start in 3 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  api?.kill('SIGTERM');
  process.exit(1);
}

const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
});
await server.listen();
server.printUrls();
console.log(
  'Rules edits: `npm run build -w @sscard/rules` (and restart this for the API to see them).',
);

process.on('SIGINT', () => void stop(server));
process.on('SIGTERM', () => void stop(server));
