import { z } from 'zod';

const ZApiEnv = z.object({
  DATABASE_URL: z.string().url().default('postgresql://localhost:5432/uplift'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('uplift'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WEB_URL: z.string().url().default('http://localhost:5173'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (npm start generates one into .data/)'),
  AUTH_SIGN_IN_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Sign-in attempts per account (email) per 15 minutes, from any number of addresses. */
  AUTH_ACCOUNT_SIGN_IN_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Comma-separated addresses or CIDR ranges whose X-Forwarded-For is believed (the web server's). */
  TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1,::1')
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  /** Local development only: webhooks may target loopback and private addresses (README "Webhook targets"). */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false', ''], 'must be true or false')
    .default('false')
    .transform((v) => v === 'true'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});
export type ApiEnv = z.infer<typeof ZApiEnv>;

/** Parses the environment once at boot; a bad value stops the process with one line per problem. */
export function loadApiEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = ZApiEnv.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid environment for the api:\n${lines.join('\n')}`);
}
