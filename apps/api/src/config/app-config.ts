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
});

export type AppConfig = z.output<typeof envSchema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
