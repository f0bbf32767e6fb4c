import { applyMigrations, createDb, DEFAULT_DATABASE_URL, ensureDatabase, findWorkspaceBySlug } from '@uplift/db';
import { seedDemo } from '@uplift/db/seed';
import { recomputeInsights, recomputeRoadmap } from '@uplift/services';
import { hashPassword } from 'better-auth/crypto';

/** `npm start`'s database step: create the database if missing, migrate, seed the demo workspace once. */
const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
if (await ensureDatabase(url)) console.log(`created database ${new URL(url).pathname.slice(1)}`);
const ran = await applyMigrations(url);
console.log(ran.length ? `applied migrations: ${ran.join(', ')}` : 'migrations: up to date');
if (process.env.UPLIFT_SEED !== 'false') {
  const db = createDb(url, 2);
  try {
    const seeded = await seedDemo(db, { hashPassword });
    console.log(seeded ? 'seeded the demo workspace' : 'demo workspace: already there');
    if (seeded) {
      // The demo's history is seeded, not completed by the worker: its Insights and roadmap are computed here, once.
      const demo = await findWorkspaceBySlug(db, 'demo');
      if (demo) {
        await recomputeInsights({ db, clock: () => new Date() }, { workspaceId: demo.id });
        await recomputeRoadmap({ db, clock: () => new Date() }, { workspaceId: demo.id });
      }
    }
  } finally {
    await db.$disconnect();
  }
}
