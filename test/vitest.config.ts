import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Repository-level tests: they check built packages the way consumers load them. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
