import type { ConnectionProblem, Db } from '@uplift/db';
import type { CliEnv } from './env';

/** The database cannot be used; the message says why and what to run (commands prefix it with their name). */
export class DatabaseUnavailable extends Error {}

const FIX_URL = 'or set DATABASE_URL to the one `npm start` printed';

/** What to tell a person about a connection problem: which database, and the command that fixes it. */
export function describeProblem(problem: ConnectionProblem, url: string): string {
  const u = new URL(url);
  const server = `${u.hostname}:${u.port || '5432'}`;
  const database = decodeURIComponent(u.pathname.slice(1));
  switch (problem.kind) {
    case 'missing-database':
      return `the database "${problem.database}" does not exist on ${server}: run \`npm run db:migrate\` to create it (or \`npm start\`, which also adds the demo workspace), ${FIX_URL}`;
    case 'not-migrated':
      return `the database "${database}" on ${server} has no Uplift tables yet: run \`npm run db:migrate\` (or \`npm start\`), ${FIX_URL}`;
    case 'unreachable':
      return `no database server answers at ${server}: start PostgreSQL or run \`npm start\` (it starts an embedded one), ${FIX_URL}`;
    case 'login-refused':
      return `the database server at ${server} refused the login${problem.reason ? ` (${problem.reason})` : ''}: check the user and password in DATABASE_URL`;
  }
}

/** Opens the database named by DATABASE_URL (as `npm start` does); imported lazily so `analyze` stays fast. */
export async function withDatabase<T>(env: CliEnv, fn: (db: Db) => Promise<T>): Promise<T> {
  const { connectionProblem, createDb, DEFAULT_DATABASE_URL } = await import('@uplift/db');
  const url = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const db = createDb(url, 2);
  try {
    return await fn(db);
  } catch (error) {
    const problem = connectionProblem(error, url);
    if (problem) throw new DatabaseUnavailable(describeProblem(problem, url));
    const message = (error as Error).message ?? String(error);
    if (/ECONNREFUSED|ENOTFOUND|timeout/i.test(message)) {
      // Prisma's messages open with a blank line and a code frame: the reason is the last line.
      const reason = message.trim().split('\n').at(-1);
      throw new DatabaseUnavailable(`cannot reach the database at ${u(url)} (${reason}); ${FIX_URL}`);
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

/** The URL without its password. */
const u = (url: string) => url.replace(/:\/\/[^@]*@/, '://…@');

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
