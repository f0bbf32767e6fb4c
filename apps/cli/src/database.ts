import { UsageError } from './io';

/** Opens the database named by DATABASE_URL (as `npm start` does); imported lazily so `analyze` stays fast. */
export async function withDatabase<T>(fn: (db: import('@uplift/db').Db) => Promise<T>): Promise<T> {
  const { createDb, DEFAULT_DATABASE_URL } = await import('@uplift/db');
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
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
export async function loadExperimentFromDatabase(key: string, workspace?: string) {
  return withDatabase(async (db) => {
    const rows = await db.experiment.findMany({
      where: { key, ...(workspace ? { workspace: { slug: workspace } } : {}) },
      include: { workspace: { select: { slug: true } } },
    });
    if (!rows.length) throw new Error(`no experiment "${key}"${workspace ? ` in workspace "${workspace}"` : ''}`);
    if (rows.length > 1) {
      const slugs = rows.map((r) => r.workspace.slug).join(', ');
      throw new Error(`experiment "${key}" exists in several workspaces (${slugs}); add --workspace SLUG`);
    }
    const [experiment] = rows as [(typeof rows)[number]];
    return {
      key: experiment.key,
      seed: experiment.seed,
      variants: experiment.variants as unknown as { key: string; weight: number }[],
    };
  });
}
