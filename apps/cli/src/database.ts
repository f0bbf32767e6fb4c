import type { Db } from '@uplift/db';
import type { CliEnv } from './env';
import { UsageError } from './io';

/** Opens the database named by DATABASE_URL (as `npm start` does); imported lazily so `analyze` stays fast. */
export async function withDatabase<T>(env: CliEnv, fn: (db: Db) => Promise<T>): Promise<T> {
  const { createDb, DEFAULT_DATABASE_URL } = await import('@uplift/db');
  const url = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const db = createDb(url, 2);
  try {
    return await fn(db);
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/ECONNREFUSED|connect|does not exist|authentication/i.test(message) && !(error instanceof UsageError)) {
      throw new UsageError([
        `uplift: cannot reach the database at ${url.replace(/:\/\/[^@]*@/, '://…@')} (${message.split('\n')[0]}); set DATABASE_URL to the one \`npm start\` printed`,
      ]);
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

/** The experiment a split needs, from the database; with no workspace given, the key must be unique. */
export function experimentLoader(env: CliEnv) {
  return (key: string, workspace?: string) =>
    withDatabase(env, async (db) => {
      const { findExperimentsByKey } = await import('@uplift/db');
      const rows = await findExperimentsByKey(db, key, workspace);
      if (!rows.length) throw new Error(`no experiment "${key}"${workspace ? ` in workspace "${workspace}"` : ''}`);
      if (rows.length > 1) {
        const slugs = rows.map((r) => r.workspaceSlug).join(', ');
        throw new Error(`experiment "${key}" exists in several workspaces (${slugs}); add --workspace SLUG`);
      }
      const [experiment] = rows as [(typeof rows)[number]];
      const { seed, variants, segmentAttribute, scopeSegments, winnerSend } = experiment;
      return { key: experiment.key, seed, variants, segmentAttribute, scopeSegments, winnerSend };
    });
}
