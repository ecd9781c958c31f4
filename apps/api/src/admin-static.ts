import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** apps/admin/dist, seen from apps/api/dist (and from apps/api/src under vitest). */
export const DEFAULT_ADMIN_DIST = fileURLToPath(new URL('../../admin/dist', import.meta.url));

/**
 * Serves the built admin (apps/admin) from the API's own port when it has been built: files as
 * they are, and index.html for every other GET outside /api so that the client-side router can
 * take over on a reload or a deep link. /api stays Nest's: an unknown /api path falls through
 * to Nest's not-found handler and keeps its JSON 404.
 */
export async function serveAdmin(app: NestFastifyApplication, dir: string): Promise<boolean> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, { root, serve: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = (request.params as { '*'?: string })['*'] ?? '';
      if (path === 'api' || path.startsWith('api/')) return reply.callNotFound();
      const lastSegment = path.slice(path.lastIndexOf('/') + 1);
      if (lastSegment.includes('.')) {
        // Vite names the bundles by content hash, so they never change under the same name.
        const hashed = path.startsWith('assets/');
        return reply.sendFile(path, { maxAge: hashed ? '365d' : 0, immutable: hashed });
      }
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html', {
        cacheControl: false,
      });
    });
  return true;
}
