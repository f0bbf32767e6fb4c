// Experiment benchmarks (run by `npm run bench`, which provides a throwaway DATABASE_URL and built apps):
//  1. ingestion over HTTP: batches of 1,000 events from 4 concurrent clients, sustained events/s, beside a raw
//     COPY of the same rows into Postgres (the ceiling) and the ratio;
//  2. 1,000 running experiments evaluated end to end by the worker process;
//  3. one experiment's evaluation time at 1M and at 10M raw events (evaluation reads aggregates only).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createApiKey, createDb, withDefaultUser } from '@uplift/db';
import { createQueue, createRedis, requestEvaluation } from '@uplift/jobs';
import { evaluateExperimentJob } from '@uplift/worker';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const url = process.env.DATABASE_URL as string;
const db = createDb(url, 4);
const prefix = `bench-${randomUUID().slice(0, 8)}`;
const apiPort = 3392;
const redis = createRedis('producer');
const queue = createQueue(redis, prefix);

const start = (script: string, env: NodeJS.ProcessEnv): ChildProcess =>
  spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

const variants = [
  { key: 'control', name: 'Control', weight: 0.5 },
  { key: 'promo', name: 'Promo', weight: 0.5 },
];

async function setup() {
  const user = await db.user.create({ data: { id: randomUUID(), email: `${prefix}@bench.local`, name: 'Bench' } });
  const ws = await db.workspace.create({ data: { slug: prefix, name: prefix } });
  const h = await db.hypothesis.create({
    data: {
      workspaceId: ws.id,
      authorId: user.id,
      title: 'Bench',
      statement: 'Bench',
      funnelStage: 'PAYMENT',
      segment: 'All',
      offer: 'Promo',
      status: 'TESTING',
      reachPerMonth: 1000,
      baselineRate: 0.1,
      expectedLift: 0.1,
      valuePerConversion: 10,
      confidence: 0.5,
      cost: 100,
      horizonMonths: 12,
      expectedMonthlyGain: 0,
      expectedGain: 0,
      roi: 0,
    },
  });
  return { ws, h };
}

/** Inserts `count` running experiments in one statement, with keys `${stem}-${n}`. */
async function insertExperiments(wsId: string, hypothesisId: string, stem: string, count: number, plannedUsers = 1e9) {
  await db.$executeRaw`
    INSERT INTO "Experiment" (id, "workspaceId", "hypothesisId", key, name, channel, status, seed, variants, metrics,
      analysis, "plannedUsers", "startedAt", "lastDataAt", "updatedAt")
    SELECT ${stem} || '-' || g, ${wsId}, ${hypothesisId}, ${stem} || '-' || g, 'Bench ' || g, 'EMAIL', 'RUNNING',
      ${stem} || '-' || g, ${JSON.stringify(variants)}::jsonb,
      '{"primary":{"name":"purchase","kind":"binomial"},"guardrails":[]}'::jsonb,
      '{"engine":"frequentist","sequential":null,"alpha":0.05,"correction":"holm"}'::jsonb,
      ${plannedUsers}, now(), now(), now()
    FROM generate_series(1, ${count}) g`;
}

function eventsFor(experiment: string, client: number, batch: number) {
  const events = [];
  for (let i = 0; i < 900; i++) {
    const unit = `c${client}-b${batch}-u${i}`;
    events.push({ id: `x-${unit}`, experiment, unit, type: 'exposure' });
    if (i % 9 === 0) events.push({ id: `c-${unit}`, experiment, unit, type: 'conversion' });
  }
  return events; // 900 exposures + 100 conversions
}

async function ingestionBench(wsId: string, hypothesisId: string) {
  await insertExperiments(wsId, hypothesisId, `${prefix}-ingest`, 1);
  const experiment = `${prefix}-ingest-1`;
  const { token } = await createApiKey(db, { workspaceId: wsId, name: 'bench', scopes: ['ingest'], createdBy: null });
  const api = start('apps/api/dist/main.js', {
    DATABASE_URL: url,
    API_PORT: String(apiPort),
    QUEUE_PREFIX: prefix,
    SESSION_SECRET: 'b'.repeat(64),
    WEB_URL: `http://localhost:${apiPort}`,
    NODE_ENV: 'production',
  });
  const clients = 4;
  const batches = 50;
  try {
    const base = `http://127.0.0.1:${apiPort}`;
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`${base}/healthz`).then(
        () => true,
        () => false,
      ));
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const bodies = Array.from({ length: clients }, (_, c) =>
      Array.from({ length: batches }, (_, b) => JSON.stringify({ events: eventsFor(experiment, c, b) })),
    );
    const post = async (body: string) => {
      const res = await fetch(`${base}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      if (res.status !== 202) throw new Error(`ingestion answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { accepted: number };
    };
    await post(JSON.stringify({ events: eventsFor(experiment, 99, 0) })); // warm up pools and caches
    const t0 = performance.now();
    const accepted = await Promise.all(
      bodies.map(async (list) => {
        let n = 0;
        for (const body of list) n += (await post(body)).accepted;
        return n;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const total = accepted.reduce((a, b) => a + b, 0);
    const httpRate = total / seconds;

    // The ceiling: the same rows COPYed straight into a table shaped like ExperimentEvent (same primary key).
    const rows = bodies
      .flat()
      .flatMap((body) =>
        (JSON.parse(body).events as { id: string; unit: string; type: string }[]).map(
          (e) => `${experiment}\tcopy-${e.id}\t${e.unit}\t${e.type}\t\\N\t\\N\t\\N\t2026-11-22 10:00:00\ttrue\n`,
        ),
      );
    const client = new pg.Client({ connectionString: withDefaultUser(url) });
    await client.connect();
    await client.query(`CREATE TEMP TABLE copy_events (LIKE "ExperimentEvent" INCLUDING ALL)`);
    const t1 = performance.now();
    await pipeline(
      Readable.from(rows),
      client.query(
        copyFrom(
          `COPY copy_events ("experimentId", "eventId", "unitId", type, variant, metric, value, ts, attributed) FROM STDIN`,
        ),
      ),
    );
    const copyRate = rows.length / ((performance.now() - t1) / 1000);
    await client.end();
    console.log(
      `ingestion over HTTP, ${clients} clients × ${batches} batches of 1,000 events: ${fmt(total)} events in ${seconds.toFixed(2)} s = ${fmt(httpRate)} events/s (target ≥ 10,000)`,
    );
    console.log(
      `  raw COPY of the same ${fmt(rows.length)} rows: ${fmt(copyRate)} rows/s; HTTP ingestion reaches ${((100 * httpRate) / copyRate).toFixed(0)}% of it`,
    );
  } finally {
    api.kill('SIGTERM');
  }
}

/** Aggregates for `stem`'s experiments as ingestion would leave them: 1,000 units per variant, 10% vs 12%. */
async function insertAggregates(stem: string) {
  await db.$executeRaw`
    INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares")
    SELECT e.id, v.variant, '', v.metric, v.units, v.sum, v.sum FROM "Experiment" e,
      (VALUES ('control', '', 1000, 0), ('promo', '', 1000, 0), ('control', 'purchase', 100, 100),
              ('promo', 'purchase', 120, 120)) AS v(variant, metric, units, sum)
    WHERE e.key LIKE ${`${stem}-%`}`;
  await db.$executeRaw`UPDATE "Experiment" SET "dataVersion" = 1 WHERE key LIKE ${`${stem}-%`}`;
}

async function evaluationBench(wsId: string, hypothesisId: string) {
  const stem = `${prefix}-eval`;
  await insertExperiments(wsId, hypothesisId, stem, 1000);
  await insertAggregates(stem);
  const worker = start('apps/worker/dist/main.js', { DATABASE_URL: url, QUEUE_PREFIX: prefix });
  try {
    await new Promise((r) => setTimeout(r, 1500)); // let the worker connect
    const ids = (
      await db.experiment.findMany({ where: { key: { startsWith: `${stem}-` } }, select: { id: true } })
    ).map((e) => e.id);
    const t0 = performance.now();
    for (const id of ids) await requestEvaluation(queue, id, 0);
    for (;;) {
      const left = await db.experiment.count({ where: { key: { startsWith: `${stem}-` }, evaluatedVersion: null } });
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - t0) / 1000;
    const snapshots = await db.experimentSnapshot.count({ where: { experimentId: { in: ids } } });
    console.log(
      `evaluation of 1,000 running experiments end to end through the worker: ${seconds.toFixed(2)} s (${fmt(snapshots)} snapshots; target < 10 s)`,
    );
  } finally {
    worker.kill('SIGTERM');
  }
}

/**
 * Two experiments side by side, one with 1M raw events and one with 10M, evaluated in alternation: both are
 * timed in the same database state (caches, vacuum, checkpoints), so only their own data differs.
 */
async function rawEventsBench(wsId: string, hypothesisId: string) {
  const stem = `${prefix}-raw`;
  await insertExperiments(wsId, hypothesisId, stem, 2);
  await insertAggregates(stem);
  const small = await db.experiment.findFirstOrThrow({ where: { key: `${stem}-1` } });
  const large = await db.experiment.findFirstOrThrow({ where: { key: `${stem}-2` } });
  const addEvents = async (experimentId: string, count: number) => {
    for (let lo = 0; lo < count; lo += 1_000_000) {
      const hi = Math.min(count, lo + 1_000_000) - 1;
      await db.$executeRaw`
        INSERT INTO "ExperimentEvent" ("experimentId", "eventId", "unitId", type, ts, attributed)
        SELECT ${experimentId}, 'e' || g, 'u' || (g / 2), CASE WHEN g % 2 = 0 THEN 'exposure' ELSE 'conversion' END,
          now(), true
        FROM generate_series(${lo}::int, ${hi}::int) g`;
    }
  };
  const t0 = performance.now();
  await addEvents(small.id, 1_000_000);
  await addEvents(large.id, 10_000_000);
  // Settle the table (visibility map, statistics, dirty pages) so vacuum and checkpoints do not run meanwhile.
  await db.$executeRaw`VACUUM (ANALYZE) "ExperimentEvent"`;
  await db.$executeRaw`CHECKPOINT`;
  console.log(`  (inserted 11,000,000 raw events in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const once = async (id: string) => {
    await db.experiment.update({ where: { id }, data: { dataVersion: { increment: 1 } } });
    const start = performance.now();
    await evaluateExperimentJob(db, queue, id);
    return performance.now() - start;
  };
  const runs = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < 120; i++) {
    const [a, b] = i % 2 ? [small, large] : [large, small];
    const first = await once(a.id);
    const second = await once(b.id);
    if (i < 20) continue; // warm-up
    runs[a === small ? 'small' : 'large'].push(first);
    runs[b === small ? 'small' : 'large'].push(second);
  }
  const at1m = median(runs.small);
  const at10m = median(runs.large);
  console.log(
    `one experiment's evaluation: ${at1m.toFixed(1)} ms at 1M raw events, ${at10m.toFixed(1)} ms at 10M (${(((at10m - at1m) / at1m) * 100).toFixed(0)}% apart, medians of 100 alternating runs; target ≤ 20%)`,
  );
}

const { ws, h } = await setup();
await ingestionBench(ws.id, h.id);
await evaluationBench(ws.id, h.id);
await rawEventsBench(ws.id, h.id);
await queue.obliterate({ force: true }).catch(() => {});
await queue.close();
redis.disconnect();
await db.$disconnect();
process.exit(0);
