// Experiment benchmarks (run by `npm run bench`, which provides a throwaway DATABASE_URL and built apps; ingestion
// is bench/ingestion.ts):
//  1. 1,000 running experiments evaluated end to end by the worker process;
//  2. one experiment's evaluation time at 1M and at 10M raw events (evaluation reads aggregates only).
import { randomUUID } from 'node:crypto';
import { createDb } from '@uplift/db';
import { createQueue, createRedis, requestEvaluation } from '@uplift/jobs';
import { evaluateExperimentJob } from '@uplift/worker';
import { fmt, insertExperiments, median, setup, start } from './support/setup';

const url = process.env.DATABASE_URL as string;
const db = createDb(url, 4);
const prefix = `bench-${randomUUID().slice(0, 8)}`;
const redis = createRedis('producer');
const queue = createQueue(redis, prefix);

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
  await insertExperiments(db, wsId, hypothesisId, stem, 1000);
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
  await insertExperiments(db, wsId, hypothesisId, stem, 2);
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

const { ws, h } = await setup(db, prefix);
await evaluationBench(ws.id, h.id);
await rawEventsBench(ws.id, h.id);
await queue.obliterate({ force: true }).catch(() => {});
await queue.close();
redis.disconnect();
await db.$disconnect();
process.exit(0);
