import { z } from 'zod';

const ZWebEnv = z.object({
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(5173),
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the web server proxies /api (better-auth) and /trpc. */
  API_URL: z.url().default('http://localhost:3000'),
});
export type WebEnv = z.infer<typeof ZWebEnv>;

/** The web server's environment (vite and vite preview), parsed at start; a bad value stops it with one line. */
export function loadWebEnv(source: NodeJS.ProcessEnv = process.env): WebEnv {
  const parsed = ZWebEnv.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`Invalid environment for the web server: ${problems}`);
}
