// The service's settings, read once from the environment, with a clear message for a bad value.
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', ''])
  .default('')
  .transform((v) => ['1', 'true', 'on'].includes(v));

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://').optional(),
  // PGlite is 32-bit WebAssembly: its whole memory is at most 2 GB.
  DATA_CACHE_MB: z.coerce.number().int().min(16).max(1024).default(128),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  SANDBOX_WORKER: flag,
  SANDBOX_DELAY_MS: z.coerce.number().int().min(0).default(1500),
  SANDBOX_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
});

export interface Config {
  port: number;
  host: string;
  /** Where the embedded database lives; unused when databaseUrl is set. */
  dataDir: string;
  /** The embedded database's page cache, in MB (see openDatabase); unused when databaseUrl is set. */
  dataCacheMb: number;
  databaseUrl: string | undefined;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  sandbox: { enabled: boolean; delayMs: number; failureRate: number };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    dataCacheMb: e.DATA_CACHE_MB,
    databaseUrl: e.DATABASE_URL || undefined,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    sandbox: { enabled: e.SANDBOX_WORKER, delayMs: e.SANDBOX_DELAY_MS, failureRate: e.SANDBOX_FAILURE_RATE },
  };
}
