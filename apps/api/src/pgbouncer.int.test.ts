// Behind a pooler in transaction mode (PgBouncer, hosted Postgres's pooled endpoints) with `pgbouncer=true` in the
// database URL: the event batch path prepares nothing on a connection (packages/db client.ts `sharesSessions`),
// so batches whose transactions land on any server connection store every event once.
import { createDb, type Db, sharesSessions } from '@uplift/db';
import { ingestBatch } from '@uplift/services';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkspace, type TestWorkspace, testDeps } from './testing/fixtures';
import { figuresFromScratch, keptFigures, runningExperiment } from './testing/ingestion-figures';
import { startPgBouncer } from './testing/pgbouncer';

const direct = testDeps('pgbouncer');
let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
let db: Db;
let ws: TestWorkspace;

beforeAll(async () => {
  // 2 server connections for 6 client connections: transactions move between sessions.
  bouncer = await startPgBouncer(process.env.DATABASE_URL as string, 2);
  ws = await createWorkspace(direct.db, 'pgbouncer');
});
afterAll(async () => {
  await db?.$disconnect();
  await bouncer?.stop();
  await direct.close();
});

// First: the process has not yet met `pgbouncer=true` (which turns naming off for the whole process).
it("takes a pooler's process ids, random and often negative, for ids: connections through it are not one session", async () => {
  const plain = createDb(bouncer.plain, 8);
  try {
    // 8 connections at once, each with a key of PgBouncer's (negative in half the cases: all 8 positive 1 in 256).
    await Promise.all(Array.from({ length: 8 }, () => plain.$queryRaw`SELECT pg_sleep(0.05)::text`));
    expect(sharesSessions()).toBe(false);
  } finally {
    await plain.$disconnect();
  }
});

it('ingests overlapping batches side by side through PgBouncer in transaction mode, each event once', async () => {
  db = createDb(bouncer.url, 6);
  const deps = { ...direct, db };
  for (const channel of ['EMAIL', 'BANNER'] as const) {
    const e = await runningExperiment(deps, ws, channel);
    const all: Record<string, unknown>[] = [];
    for (let u = 0; u < 200; u++) {
      all.push({
        id: `x-${u}`,
        experiment: e.key,
        unit: `u${u}`,
        type: 'exposure',
        variant: u % 2 ? 'promo' : 'control',
      });
      if (u % 3 === 0) all.push({ id: `c-${u}`, experiment: e.key, unit: `u${u}`, type: 'conversion' });
    }
    // Each event in several batches: every third, every second, the whole set, reversed and not, at once, twice.
    const batches = [0, 1, 2].flatMap((k) => [
      all.filter((_, i) => i % 3 === k),
      all.filter((_, i) => i % 2 === k % 2),
    ]);
    batches.push(all, [...all].reverse());
    const ingest = (events: Record<string, unknown>[]) => ingestBatch(deps, ws.id, { events: events as never });
    const first = await Promise.all(batches.map(ingest));
    expect(
      first.reduce((n, r) => n + r.accepted, 0),
      channel,
    ).toBe(all.length);
    const again = await Promise.all(batches.map(ingest));
    expect(
      again.reduce((n, r) => n + r.accepted, 0),
      channel,
    ).toBe(0);
    const figures = await keptFigures(direct.db, e.id);
    expect(figures).toEqual(await figuresFromScratch(direct.db, e.id, e.startedAt));
    expect(figures.rows.filter((r) => r.includes('/:')).join(' ')).toBe('control/:100/0/0 promo/:100/0/0');
  }
  const [prepared] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_prepared_statements`;
  expect(prepared?.n).toBe(0);
}, 60_000);
