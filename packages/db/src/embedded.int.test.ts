import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db, sharesSessions } from './client';
import { applyMigrations } from './migrate';
import { numberArray } from './pg-arrays';
import { type Prepared, sqlFor, withPgTransaction } from './pg-transaction';

// The fallback `npm start` uses where no PostgreSQL answers: PGlite served over the wire protocol to the
// api and the worker at once. Real clients talk to it concurrently, so the test does too.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(`${tmpdir()}/uplift-pglite-`);
let url: string;
let server: ChildProcess;
let api: Db;
let worker: Db;

/**
 * A port nothing holds, from the system: a random one in 54000-54899 was once taken by the local end of one of the
 * suite's own connections (that range is inside Linux's ephemeral ports), and the server could not listen.
 */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  server = spawn(process.execPath, ['scripts/embedded-postgres.mjs'], {
    cwd: root,
    env: { ...process.env, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (d: Buffer) => d.toString().includes('serving') && resolve());
    server.once('exit', (code) => reject(new Error(`embedded server exited ${code}`)));
  });
  await applyMigrations(url);
  api = createDb(url, 5);
  worker = createDb(url, 5);
}, 120_000);

afterAll(async () => {
  await api?.$disconnect();
  await worker?.$disconnect();
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded PGlite over the wire', () => {
  it('applies the migrations', async () => {
    const rows = await api.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations"`;
    expect(rows.length).toBeGreaterThan(0);
  });

  it('serves two clients with many concurrent queries and transactions without mixing them up', async () => {
    const ws = await api.workspace.create({ data: { slug: 'embedded', name: 'Embedded' } });
    await api.user.create({ data: { id: 'u1', email: 'u1@test.local', name: 'U1' } });
    await api.membership.create({ data: { workspaceId: ws.id, userId: 'u1', role: 'ADMIN' } });
    const reads = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? api : worker).membership.findFirst({
        where: { userId: 'u1', workspace: { slug: 'embedded' } },
        include: { workspace: true },
      }),
    );
    const writes = Array.from({ length: 10 }, (_, i) =>
      // PGlite serves one connection: the ten transactions queue behind each other. Prisma's 2 s wait for a
      // transaction to start is a speed limit this correctness test must not depend on (it failed under load).
      (i % 2 ? worker : api).$transaction(
        async (tx) => {
          await tx.workspace.update({ where: { id: ws.id }, data: { horizonMonths: 1 + i } });
          return tx.workspace.findUniqueOrThrow({ where: { id: ws.id } });
        },
        { maxWait: 60_000, timeout: 60_000 },
      ),
    );
    const results = await Promise.all([...reads, ...writes]);
    for (const m of results.slice(0, 40)) expect(m).toMatchObject({ role: 'ADMIN', workspace: { slug: 'embedded' } });
    for (const [i, w] of results.slice(40).entries()) expect(w).toMatchObject({ id: ws.id, horizonMonths: 1 + i });
  });

  it('runs the named and prepared statements of the batch path from the connections of two pools at once', async () => {
    const doubled: Prepared = {
      name: 'uplift_test_doubled',
      types: 'int[]',
      text: 'SELECT array_agg(2 * x) AS v FROM unnest($1) x',
    };
    // PGlite serves one transaction at a time: the named queries outside the transactions run between them.
    const runs = Array.from({ length: 12 }, (_, i) =>
      i % 3
        ? withPgTransaction(
            i % 2 ? api : worker,
            (literal, execute) => execute(doubled, [literal(numberArray([i]))]),
            async (sql, opened) => {
              const [row] = await sql.$queryRaw<{ n: number }[]>`SELECT ${i}::int + 1 AS n`;
              return [opened[0]?.v, row?.n];
            },
          )
        : sqlFor(i % 2 ? api : worker).$queryRaw<{ n: number }[]>`SELECT ${i}::int + 1 AS n`.then(([row]) => [
            [2 * i],
            row?.n,
          ]),
    );
    expect(await Promise.all(runs)).toEqual(Array.from({ length: 12 }, (_, i) => [[2 * i], i + 1]));
    expect(sharesSessions()).toBe(true);
  });
});
