import { z } from 'zod';

const ZCliEnv = z.object({
  /** The database `npm start` uses; unset means its default (postgresql://localhost:5432/uplift). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgresql:// URL, like the one `npm start` printed')
    .optional(),
});
export type CliEnv = z.infer<typeof ZCliEnv>;

/** The CLI's environment, parsed once at boot: a bad value is one line naming it, and exit code 2. */
export function parseCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  const parsed = ZCliEnv.safeParse({ DATABASE_URL: env.DATABASE_URL || undefined });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) process.stderr.write(`uplift: ${issue.path.join('.')} ${issue.message}\n`);
  process.exit(2);
}
