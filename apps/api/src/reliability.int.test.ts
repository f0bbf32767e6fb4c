// Reliability of experiments against real failures: a worker killed mid-evaluation, a flushed Redis, a Postgres
// restart during ingestion. Each runs its own process or server so the failure touches nothing shared.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { applyMigrations, countRawEvents, createDb, rawEventsOf } from '@uplift/db';
import { createQueue, createRedis, evaluationSchedulerId, requestEvaluation } from '@uplift/jobs';
import { consoleLogger, ingestBatch } from '@uplift/services';
import { reconcileExperiments, startWorker } from '@uplift/worker';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from './context';
import { createApiServer } from './server';
import {
  apiKeyFor,
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testAuth,
  testDeps,
} from './testing/fixtures';

const ROOT = new URL('../../../', import.meta.url).pathname;
const deps = testDeps('reliability');
let ws: TestWorkspace;
const children: ChildProcess[] = [];

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'rel');
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await deps.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Starts a process and resolves once it prints `ready` on stdout. */
async function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: string) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes(ready) && resolve());
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code} before it was ready`)));
  });
  return child;
}

async function runningWithData(units = 200) {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const e = await callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug).experiment.create({
    ...sampleExperiment(h.id),
    plannedUsers: 100_000,
    start: true,
  });
  const events = Array.from({ length: units }, (_, i) => ({
    id: `x${i}`,
    experiment: e.key,
    unit: `u${i}`,
    type: 'exposure' as const,
  }));
  await ingestBatch(deps, ws.id, { events });
  return deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
}

describe('a worker killed with SIGKILL mid-evaluation', () => {
  it('finishes the work after restart, with one snapshot per data version', async () => {
    const e = await runningWithData();
    const env = {
      DATABASE_URL: process.env.DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL,
      QUEUE_PREFIX: deps.queuePrefix,
      WORKER_LOCK_MS: '1000',
    };
    const doomed = await startProcess(
      [`${ROOT}apps/worker/dist/main.js`],
      { ...env, UPLIFT_TEST_EVALUATION_PAUSE_MS: '60000' },
      'worker started',
    );
    await requestEvaluation(deps.queue, e.id, 0);
    await until('the evaluation to start', async () => (await deps.queue.getActiveCount()) > 0);
    await sleep(300);
    doomed.kill('SIGKILL');
    await new Promise((r) => doomed.once('exit', r));
    expect(await deps.db.experimentSnapshot.count({ where: { experimentId: e.id } })).toBe(0);

    const successor = await startProcess([`${ROOT}apps/worker/dist/main.js`], env, 'worker started');
    try {
      await until(
        'the evaluation to be finished by the new worker',
        async () =>
          (await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).evaluatedVersion === e.dataVersion,
      );
      await sleep(1500); // room for a duplicate, were there one
      const snapshots = await deps.db.experimentSnapshot.findMany({ where: { experimentId: e.id } });
      expect(snapshots.map((s) => s.dataVersion)).toEqual([e.dataVersion]);
    } finally {
      successor.kill('SIGTERM');
    }
  }, 40_000);
});

describe('Redis flushed (FLUSHALL)', () => {
  let port: number;
  let redis: Redis;

  beforeAll(async () => {
    port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    children.push(server);
    redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null, retryStrategy: () => 100 });
    redis.on('error', () => {}); // refused until the server listens
    await until('the private redis-server', () => redis.ping().then(() => true));
  });
  afterAll(() => redis.disconnect());

  it('the reconciler restores every running experiment’s schedule and re-requests unevaluated data', async () => {
    const e = await runningWithData(20);
    const queue = createQueue(redis, 'flush');
    await reconcileExperiments(deps.db, queue);
    expect(await queue.getJobScheduler(evaluationSchedulerId(e.id))).toMatchObject({ every: 300_000 });
    await redis.flushall();
    expect(await queue.getJobScheduler(evaluationSchedulerId(e.id))).toBeUndefined();
    const result = await reconcileExperiments(deps.db, queue);
    expect(result.scheduled).toBe(result.running);
    expect(await queue.getJobScheduler(evaluationSchedulerId(e.id))).toMatchObject({ every: 300_000 });
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.some((j) => j.name === 'experiment.evaluate' && j.data.experimentId === e.id)).toBe(true);
    await queue.close();
  });

  it('a running worker puts its reconcilers back on schedule by itself', async () => {
    const worker = await startWorker({ db: deps.db, redis, prefix: 'flush-worker', heartbeatMs: 100, log: () => {} });
    try {
      await redis.flushall();
      await until('the reconciler schedule', () => worker.queue.getJobScheduler('experiment.reconcile'));
    } finally {
      await worker.close();
    }
  });
});

describe('Postgres restarted mid-ingestion', () => {
  it('loses no acknowledged event; the client sees an error for what was not stored', async () => {
    const dir = mkdtempSync(`${tmpdir()}/uplift-restart-`);
    const pgPort = 21_000 + Math.floor(Math.random() * 20_000);
    const env = { EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(pgPort) };
    const startPg = () => startProcess([`${ROOT}scripts/embedded-postgres.mjs`], env, 'embedded PGlite serving');
    let pg = await startPg();
    const url = `postgresql://postgres@127.0.0.1:${pgPort}/postgres`;
    await applyMigrations(url);
    const db = createDb(url, 4);
    const redis = createRedis('producer');
    const apiDeps: Deps = {
      db,
      redis,
      queue: createQueue(redis, `${deps.queuePrefix}-restart`),
      queuePrefix: 'x',
      clock: () => new Date(),
      log: consoleLogger,
    };
    const server = createApiServer(apiDeps, await testAuth(db));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const local = await createWorkspace(db, 'restart');
      const h = await insertHypothesis(db, local, local.users.MARKETER.id, { status: 'APPROVED' });
      const key = await apiKeyFor(db, local, ['ingest', 'write']);
      const post = (path: string, body: unknown) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(
          (r) => r.status,
          () => 0,
        );
      expect(await post('/v1/experiments', { ...sampleExperiment(h.id, 'restart'), start: true })).toBe(201);
      const batch = (n: number) => ({
        events: Array.from({ length: 100 }, (_, i) => ({
          id: `b${n}-${i}`,
          experiment: 'restart',
          unit: `b${n}-${i}`,
          type: 'exposure',
        })),
      });
      const acknowledged: number[] = [];
      const refused: number[] = [];
      let restarted = false;
      const statuses = new Set<number>();
      for (let n = 0; n < 60; n++) {
        if (n === 20) {
          pg.kill('SIGTERM'); // a restart: the server goes away with batches in flight, then comes back
          void new Promise((r) => pg.once('exit', r)).then(async () => {
            pg = await startPg();
            restarted = true;
          });
        }
        const status = await post('/v1/events', batch(n));
        statuses.add(status);
        (status === 202 ? acknowledged : refused).push(n);
        if (n >= 20 && !restarted) await sleep(50);
      }
      await until('Postgres to be back', async () => restarted);
      expect(refused.length).toBeGreaterThan(0);
      expect(statuses.has(503)).toBe(true); // "retry later", not a bare 500
      const { id } = await db.experiment.findFirstOrThrow({ where: { key: 'restart' } });
      const stored = new Set((await rawEventsOf(db, id)).map((e) => e.eventId.split('-')[0]));
      for (const n of acknowledged) expect(stored.has(`b${n}`)).toBe(true);
      // The client retries what it was refused: afterwards every event is there exactly once.
      for (const n of refused) expect(await post('/v1/events', batch(n))).toBe(202);
      expect(await countRawEvents(db)).toBe(6000);
      expect(await db.experimentAggregate.aggregate({ _sum: { units: true }, where: { metric: '' } })).toEqual({
        _sum: { units: 6000 },
      });
    } finally {
      server.close();
      await apiDeps.queue.close();
      redis.disconnect();
      await db.$disconnect();
      pg.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
