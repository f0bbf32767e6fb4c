// Ingestion with 1 api process and with 2 (issue 15, "two of everything"; run by `npm run bench`, alone:
// `npm run bench -- ingestion-scale`): the same 4 clients × 50 batches of 1,000 events over HTTP (900
// exposures, 100 conversions) sent to one api, then spread over two (client c to api c mod 2), both against
// the same Postgres, each into fresh experiments; events/s of each and the ratio. Twice: batches spread over
// 100 experiments (where more apis can help), then ONE experiment (its batches take turns on its lock); the
// median of BENCH_ROUNDS (3) rounds each.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiKey, createDb } from '@uplift/db';
import { benchBatch } from './support/batch';
import { postEvents } from './support/post-events';
import { fmt, insertExperiments, median, setup, start } from './support/setup';

const url = process.env.DATABASE_URL as string;
const db = createDb(url, 4);
const prefix = `scale-${randomUUID().slice(0, 8)}`;
const CLIENTS = 4;
const BATCHES = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function freePort() {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const body = (experiment: string, client: number, batch: number) =>
  JSON.stringify({ events: benchBatch(experiment, `c${client}-b${batch}`) });

const post = async (base: string, token: string, payload: string) => (await postEvents(base, token, payload)).accepted;

/** Every client's batches, one after the other, the clients side by side; client c talks to apis[c % n]. */
async function rate(apis: string[], token: string, experimentOf: (client: number, batch: number) => string) {
  const bodies = Array.from({ length: CLIENTS }, (_, c) =>
    Array.from({ length: BATCHES }, (_, b) => body(experimentOf(c, b), c, b)),
  );
  const t0 = performance.now();
  const accepted = await Promise.all(
    bodies.map(async (list, c) => {
      let n = 0;
      for (const payload of list) n += await post(apis[c % apis.length] as string, token, payload);
      return n;
    }),
  );
  return accepted.reduce((a, b) => a + b, 0) / ((performance.now() - t0) / 1000);
}

const { ws, h } = await setup(db, prefix);
const { token } = await createApiKey(db, { workspaceId: ws.id, name: 'bench', scopes: ['ingest'], createdBy: null });
await insertExperiments(db, ws.id, h.id, `${prefix}-warm`, 1);
const ports = [await freePort(), await freePort()];
const apis = ports.map((port) =>
  start('apps/api/dist/main.js', {
    DATABASE_URL: url,
    API_PORT: String(port),
    QUEUE_PREFIX: prefix,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    WEB_URL: `http://localhost:${port}`,
    NODE_ENV: 'production',
  }),
);
const bases = ports.map((port) => `http://127.0.0.1:${port}`);
let fresh = 0;
/** Fresh running experiments (no rows yet) for one measurement: `count` keys, batch (c, b) to one of them. */
async function experiments(count: number) {
  const stem = `${prefix}-${++fresh}`;
  await insertExperiments(db, ws.id, h.id, stem, count);
  return (c: number, b: number) => `${stem}-${((c * BATCHES + b) % count) + 1}`;
}
try {
  for (const base of bases) {
    const up = () =>
      fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    for (let i = 0; i < 200 && !(await up()); i++) await new Promise((r) => setTimeout(r, 100));
    await post(base, token, body(`${prefix}-warm-1`, 99, bases.indexOf(base))); // warm up pools and caches
  }
  // Rounds alternate which setting goes first, so a load change on a shared machine favours neither.
  for (const [label, count] of [
    ['100 experiments', 100],
    ['ONE experiment', 1],
  ] as const) {
    const ones: number[] = [];
    const twos: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const n of round % 2 ? [2, 1] : [1, 2]) {
        (n === 1 ? ones : twos).push(await rate(bases.slice(0, n), token, await experiments(count)));
      }
    }
    const one = median(ones);
    const two = median(twos);
    console.log(
      `ingestion over HTTP into ${label}, ${CLIENTS} clients × ${BATCHES} batches of 1,000 events, median of ${ROUNDS}: 1 api ${fmt(one)} events/s, 2 apis ${fmt(two)} events/s (× ${(two / one).toFixed(2)}; rounds ${ones.map((o, i) => `${fmt(o)}/${fmt(twos[i] as number)}`).join(', ')})`,
    );
  }
} finally {
  for (const api of apis) api.kill('SIGTERM');
  await db.$disconnect();
}
process.exit(0);
