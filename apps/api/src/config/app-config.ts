import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isCalendarDate } from '@sscard/rules';
import { z } from 'zod';

const flag = z.enum(['on', 'off']);

/** Every environment variable the API reads, parsed once at boot; a bad value stops the start. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Real PostgreSQL when set; otherwise an embedded PGlite in SSCARD_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SSCARD_DATA_DIR: z.string().min(1).default('.data/pglite'),
  /** 'demo' seeds a demo district into an empty database; 'none' starts empty. */
  SSCARD_SEED: z.enum(['demo', 'none']).default('demo'),
  /** Business date override (YYYY-MM-DD) for demos and tests; default is today in Beijing. */
  SSCARD_TODAY: z.string().refine(isCalendarDate, 'must be YYYY-MM-DD').optional(),
  SSCARD_RATE_LIMITS: flag.default('on'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  /** The built admin web app served at /; default apps/admin/dist. Not served when absent. */
  ADMIN_DIST: z.string().min(1).optional(),
  /** Uploaded spreadsheets; default: next to the PGlite data (.data/imports), or a temp dir. */
  IMPORT_DIR: z.string().min(1).optional(),
  IMPORT_MAX_FILE_MB: z.coerce.number().int().min(1).max(1024).default(50),
  /** Data rows per file (the 1M-row benchmark fits). */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(2_000_000),
  /** Zip-bomb guards: inflated bytes of an .xlsx, and inflated / compressed. */
  IMPORT_MAX_UNCOMPRESSED_MB: z.coerce.number().int().min(1).max(16_384).default(1024),
  IMPORT_MAX_RATIO: z.coerce.number().int().min(2).max(10_000).default(200),
  /** Problems stored per import job; more are counted but not kept. */
  IMPORT_MAX_ISSUES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /**
   * Days an upload never committed is kept (its file and validated rows); then the retention
   * sweep deletes them. Personal data is not kept longer than the import needs it.
   */
  IMPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Student attachments (S-1.2 / S-1.3); default .data/student-files, a temp dir when SSCARD_DATA_DIR is 'memory'. */
  STUDENT_FILES_DIR: z.string().min(1).optional(),
  STUDENT_FILE_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
});

/** Where uploads are stored when IMPORT_DIR is not set. */
function defaultImportDir(dataDir: string): string {
  if (dataDir === 'memory') return join(tmpdir(), 'sscard-imports');
  return join(dirname(dataDir), 'imports');
}

export type AppConfig = Omit<z.output<typeof envSchema>, 'IMPORT_DIR'> & { IMPORT_DIR: string };

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const data = result.data;
  return { ...data, IMPORT_DIR: data.IMPORT_DIR ?? defaultImportDir(data.SSCARD_DATA_DIR) };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
