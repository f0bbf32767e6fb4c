import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { withDefaultUser } from './url';

/** Resolved through the package (not this file's URL) so it also holds when the api bundles this code. */
export const MIGRATIONS_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@uplift/db/package.json')),
  'prisma',
  'migrations',
);

/**
 * `prisma migrate deploy` needs Prisma's native schema engine, which cannot be installed on our machines
 * (see ../shared/notes/toolchain.md). This applies the same standard migrations folder the same way:
 * each pending `migration.sql` in name order, in its own transaction, recorded in `_prisma_migrations`
 * with Prisma's columns and sha256 checksum, under Prisma's advisory lock — so a machine with the native
 * engine sees the history as its own and `prisma migrate deploy` there gives the same database.
 */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDefaultUser(url) });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(72707369)');
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await client.query<{ migration_name: string; finished_at: Date | null }>(
      'SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const failed = done.rows.find((r) => r.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and is marked unfinished in _prisma_migrations; fix the database by hand, then delete that row.`,
      );
    }
    const applied = new Set(done.rows.map((r) => r.migration_name));
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const ran: string[] = [];
    for (const name of names) {
      if (applied.has(name)) continue;
      const sql = await readFile(`${dir}/${name}/migration.sql`, 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
      }
      ran.push(name);
    }
    return ran;
  } finally {
    // The session lock also ends with the connection closed below; a failed unlock is worth a line, not a crash.
    await client
      .query('SELECT pg_advisory_unlock(72707369)')
      .catch((e: Error) => console.warn(`migrate: could not release the migration lock (${e.message})`));
    await client.end();
  }
}

/** Creates the database named in `url` when the server has no such database yet. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error(`DATABASE_URL names no database: ${url}`);
  const admin = new URL(withDefaultUser(url));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(withDefaultUser(url));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
