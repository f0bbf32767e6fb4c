// The embedded database for machines without PostgreSQL: PGlite (Postgres compiled to WASM) with its data in
// .data/pglite, served over the Postgres wire protocol so the api, worker and migrations share one database.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serialiseClientExchanges } from './lib/pglite-session-queue.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(`${root}packages/db/package.json`);
const { PGlite } = await import(require.resolve('@electric-sql/pglite'));
const { PGLiteSocketServer } = await import(require.resolve('@electric-sql/pglite-socket'));

const dir = process.env.EMBEDDED_PG_DIR ?? `${root}.data/pglite`;
mkdirSync(dir, { recursive: true });
const db = await PGlite.create(dir);
const server = new PGLiteSocketServer({
  db,
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  host: '127.0.0.1',
  maxConnections: 100,
});
serialiseClientExchanges(server);
await server.start();
console.log(`embedded PGlite serving ${dir} on 127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}`);

const stop = async () => {
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
