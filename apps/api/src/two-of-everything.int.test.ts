// Issue 15, "two of everything": 2 api processes and 2 worker processes (the built dist, as `npm start` runs
// them) against one Postgres and one Redis. Ingestion spread over both apis stays exact, each data version is
// evaluated once with one snapshot, and each webhook delivery reaches the receiver once.
import type { ChildProcess } from 'node:child_process';
import { countRawEvents } from '@uplift/db';
import { mulberry32 } from '@uplift/domain';
import { createQueue } from '@uplift/jobs';
import { ingestBatch } from '@uplift/services';
import { evaluateExperimentJob } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binomialEvents } from './testing/binomial-events';
import {
  apiKeyFor,
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  testDeps,
} from './testing/fixtures';
import { figuresFromScratch, keptFigures } from './testing/ingestion-figures';
import { freePort, startProcess, stopProcesses, until, webhookReceiver } from './testing/processes';

// The receiver listens on loopback: allowed with the local-development setting, here and in the processes.
const deps = { ...testDeps('two-of-everything'), allowPrivateWebhooks: true };
const children: ChildProcess[] = [];
const apis: string[] = [];
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let ws: Awaited<ReturnType<typeof createWorkspace>>;
let key: string;
let lagging: Awaited<ReturnType<typeof running>>;

beforeAll(async () => {
  receiver = await webhookReceiver();
  ws = await createWorkspace(deps.db, 'two');
  await callerFor(deps, ws.users.ADMIN, ws.slug).webhook.create({ url: receiver.url });
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read']);
  lagging = await laggingExperiment();
  const env = {
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: deps.queuePrefix,
    SESSION_SECRET: process.env.SESSION_SECRET ?? 'two-of-everything-'.repeat(3),
    WEBHOOK_ALLOW_PRIVATE: 'true',
    NODE_ENV: 'production',
  };
  const ports = [await freePort(), await freePort()];
  const started = await Promise.allSettled([
    ...ports.map((port) =>
      startProcess('apps/api/dist/main.js', { ...env, API_PORT: String(port) }, 'api listening on'),
    ),
    startProcess('apps/worker/dist/main.js', env, 'worker started'),
    startProcess('apps/worker/dist/main.js', env, 'worker started'),
  ]);
  for (const s of started) if (s.status === 'fulfilled') children.push(s.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  apis.push(...ports.map((port) => `http://127.0.0.1:${port}`));
}, 60_000);

afterAll(async () => {
  await stopProcesses(children);
  await receiver?.close();
  await deps.close();
});

type Event = ReturnType<typeof binomialEvents>[number];

/**
 * Where the second runs came from (seen when this file ran beside the other integration test files): a running
 * experiment of another test file, sharing the database, whose data version was evaluated and stored (directly, under that file's
 * queue prefix, so under another claim) and whose evaluatedVersion that file then set back to force a re-run. The
 * workers' first reconciliation found it "not evaluated" and asked for it, and so every minute after: each run
 * claimed the version afresh, found its snapshot stored, and wrote nothing, evaluatedVersion still behind. Here one
 * of this file's own, made before the processes start, so their first reconciliation meets it.
 */
async function laggingExperiment() {
  const e = await running(100_000);
  await ingestBatch(deps, ws.id, { events: binomialEvents(e.key, { control: 5, promo: 7 }, 50) as never });
  const elsewhere = createQueue(deps.redis, `${deps.queuePrefix}-elsewhere`);
  expect(await evaluateExperimentJob(deps.db, elsewhere, e.id)).toMatchObject({ dataVersion: 1, stored: true });
  await elsewhere.close();
  await deps.db.experiment.update({ where: { id: e.id }, data: { evaluatedVersion: null } });
  return e;
}

/** Posts a batch to api `n % 2`; the answer's counts, or a failure naming the api and status. */
async function post(n: number, events: Event[]) {
  const res = await fetch(`${apis[n % 2]}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (res.status !== 202) throw new Error(`api ${n % 2}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { accepted: number; duplicates: number };
}

async function running(plannedUsers: number) {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
  const e = await owner.experiment.create({ ...sampleExperiment(h.id), plannedUsers, start: true });
  const { startedAt } = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
  return { id: e.id, key: e.key, startedAt: startedAt as Date };
}

const sum = (rs: { accepted: number; duplicates: number }[], k: 'accepted' | 'duplicates') =>
  rs.reduce((n, r) => n + r[k], 0);

describe('two apis and two workers on one Postgres and one Redis', () => {
  it('ingestion, evaluation and webhooks each happen exactly once', async () => {
    const rnd = mulberry32(15);
    // One experiment fed by overlapping batches (every event in several), sent at once to both apis.
    const spread = await running(100_000);
    const all = binomialEvents(spread.key, { control: 150, promo: 210 }, 1500);
    const batches = Array.from({ length: 10 }, () => all.filter(() => rnd() < 0.5).sort(() => rnd() - 0.5));
    batches.push(all);
    // Two that reach their planned sample and win, each whole set in one batch (one to each api): a set split
    // over batches could be evaluated, and completed, before its last conversions.
    const winners = [await running(2000), await running(2000)];
    const winnerSets = winners.map((w) => binomialEvents(w.key, { control: 100, promo: 160 }, 1000));
    const wins = winnerSets.map((set, i) => post(i, set));

    const first = await Promise.all([...batches.map((b, n) => post(n, b)), ...wins]);
    const spreadFirst = first.slice(0, batches.length);
    expect(sum(spreadFirst, 'accepted')).toBe(all.length);
    expect(first.slice(batches.length).map((r) => r.accepted)).toEqual(winnerSets.map((set) => set.length));
    // Replays, each to the other api than before: nothing new. (Not for the winners: completed, they refuse data.)
    const again = await Promise.all(batches.map((b, n) => post(n + 1, b)));
    expect(sum(again, 'accepted')).toBe(0);
    expect(sum(again, 'duplicates')).toBe(batches.reduce((n, b) => n + b.length, 0));

    for (const e of [spread, ...winners]) {
      expect(await keptFigures(deps.db, e.id)).toEqual(await figuresFromScratch(deps.db, e.id, e.startedAt));
    }
    expect((await keptFigures(deps.db, spread.id)).rows).toEqual([
      'control/:1500/0/0',
      'control/purchase:150/150/150',
      'promo/:1500/0/0',
      'promo/purchase:210/210/210',
    ]);
    expect(await countRawEvents(deps.db, spread.id)).toBe(all.length);

    // Evaluation: every experiment evaluated up to its last data version; the winners completed with a WIN.
    const state = (id: string) => deps.db.experiment.findUniqueOrThrow({ where: { id } });
    for (const e of [spread, ...winners]) {
      await until(`${e.key} evaluated`, async () => {
        const s = await state(e.id);
        return s.evaluatedVersion === s.dataVersion || s.status === 'COMPLETED';
      });
    }
    for (const w of winners) expect(await state(w.id)).toMatchObject({ status: 'COMPLETED', outcome: 'WIN' });

    // Webhooks: every delivery row delivered, and each one received once.
    const hookRows = () =>
      deps.db.webhookDelivery.findMany({ where: { webhook: { workspaceId: ws.id } }, orderBy: { createdAt: 'asc' } });
    await until('the webhook deliveries', async () => {
      const rows = await hookRows();
      return rows.length >= winners.length && rows.every((d) => d.status === 'DELIVERED');
    });
    await until('the queue to be idle', async () => (await deps.queue.getActiveCount()) === 0);
    // A notice written after the first wait (a later job's) is waited for too.
    await until('every delivery received', async () => {
      const rows = await hookRows();
      return rows.every((d) => d.status === 'DELIVERED') && receiver.received.size >= rows.length;
    });

    const evaluations = (await deps.queue.getJobs(['completed'])).filter((j) => j.name === 'experiment.evaluate');
    const runs = new Map<string, number>();
    for (const job of evaluations) {
      const value = job.returnvalue as { dataVersion?: number; stored?: boolean };
      // Skipped: nothing new, no longer running, or the version applied by another run (which writes nothing).
      if (value.dataVersion === undefined) continue;
      // A run that reports a version stored it: a second run of a stored version is refused, not counted.
      expect(value.stored, `job ${job.id}: ${job.data.experimentId}@${value.dataVersion} run again`).toBe(true);
      const at = `${job.data.experimentId}@${value.dataVersion}`;
      runs.set(at, (runs.get(at) ?? 0) + 1);
    }
    expect([...runs].filter(([, n]) => n > 1)).toEqual([]); // (experiment@version, runs) evaluated twice
    expect(await deps.queue.getFailedCount()).toBe(0);
    for (const e of [spread, ...winners]) {
      const snapshots = await deps.db.experimentSnapshot.findMany({ where: { experimentId: e.id } });
      const versions = snapshots.map((s) => s.dataVersion);
      expect(versions.length, e.key).toBeGreaterThan(0);
      expect(new Set(versions).size, e.key).toBe(versions.length);
      expect(versions.length, e.key).toBe([...runs.keys()].filter((k) => k.startsWith(`${e.id}@`)).length);
    }
    for (const w of winners) {
      expect(await deps.db.notification.count({ where: { experimentId: w.id, kind: 'decision' } })).toBe(1);
    }
    // The lagging experiment: not evaluated again, its one snapshot kept, and marked evaluated at its version (the
    // workers' first runs for it were long over; the wait only spares a busy machine).
    expect([...runs.keys()].filter((k) => k.startsWith(`${lagging.id}@`))).toEqual([]);
    await until(
      'the lagging experiment marked evaluated',
      async () => (await state(lagging.id)).evaluatedVersion === 1,
    );
    expect(await deps.db.experimentSnapshot.count({ where: { experimentId: lagging.id } })).toBe(1);

    const rows = await hookRows();
    expect(rows.map((d) => d.attempts)).toEqual(rows.map(() => 1));
    expect(new Set(rows.map((d) => d.id))).toEqual(new Set(receiver.received.keys()));
    expect([...receiver.received.values()].map((r) => r.count)).toEqual(rows.map(() => 1));
    const payloadIds = [...receiver.received.values()].map((r) => r.payloadId);
    expect(new Set(payloadIds).size).toBe(payloadIds.length); // one webhook: one delivery per event
    expect(payloadIds.length).toBeGreaterThanOrEqual(winners.length);
  }, 60_000);

  it('counts sign-in attempts from one address across both apis against one limit', async () => {
    // 10 a minute per address (AUTH_SIGN_IN_LIMIT's default), a new account each time (the per-account limit
    // stays out of it), alternating between the apis as a load balancer would.
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await fetch(`${apis[i % 2]}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
        body: JSON.stringify({ email: `nobody-${i}@two.test`, password: 'not-the-password' }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429, 429, 429]);
  });
});
