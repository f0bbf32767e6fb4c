import { z } from 'zod';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const ZJobsEnv = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .default(DEFAULT_REDIS_URL),
});
export type JobsEnv = z.output<typeof ZJobsEnv>;

/** The jobs package's piece of the environment; a bad value throws one line naming the variable. */
export function parseJobsEnv(env: Record<string, string | undefined> = process.env): JobsEnv {
  const parsed = ZJobsEnv.safeParse({ REDIS_URL: env.REDIS_URL || undefined });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${issue?.path.join('.')}: ${issue?.message}`);
}
