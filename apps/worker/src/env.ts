import { DEFAULT_PREFIX, parseJobsEnv } from '@uplift/jobs';
import { z } from 'zod';
import { LOG_LEVELS } from './job-log';

const ZWorkerEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgresql:// URL')
    .optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w.-]+$/, 'may hold only letters, digits, "_", "-" and "."')
    .default(DEFAULT_PREFIX),
  /** How long a job's lock lasts without renewal: a killed worker's job is retried once it expires. */
  WORKER_LOCK_MS: z.coerce.number().int('must be a whole number').min(500, 'must be ≥ 500').default(30_000),
  /** Local development only: webhooks may target loopback and private addresses (README "Webhook targets"). */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((v) => v === 'true'),
  /** Raw events of experiments ended (completed or stopped) more than this many days ago are dropped; unset: kept. */
  RAW_EVENT_RETENTION_DAYS: z.coerce.number().int('must be a whole number').min(1, 'must be ≥ 1').optional(),
  /** debug shows every finished job; info (the default) a summary every 10 minutes; warnings and failures always. */
  LOG_LEVEL: z.enum(LOG_LEVELS, 'must be debug, info, warn or error').default('info'),
  /** Reliability tests only: hold each evaluation this long after its read, so a test can kill the worker. */
  UPLIFT_TEST_EVALUATION_PAUSE_MS: z.coerce.number().int('must be a whole number').min(0, 'must be ≥ 0').default(0),
});
export type WorkerEnv = z.output<typeof ZWorkerEnv> & { REDIS_URL: string };

/** The worker's environment, parsed once at boot; a bad value throws one line naming the variable. */
export function parseWorkerEnv(env: Record<string, string | undefined> = process.env): WorkerEnv {
  // An empty variable counts as unset, as the shell's `VAR= cmd` means.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ZWorkerEnv.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.')}: ${issue?.message} (got "${env[String(issue?.path[0])]}")`);
  }
  return { ...parsed.data, REDIS_URL: parseJobsEnv(env).REDIS_URL };
}
