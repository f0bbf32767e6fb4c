// Postgres's CPU an event on the batch path, without HTTP (run by `npm run bench`; alone: `npm run bench --
// ingestion-pg`): the ingestion bench's batches (900 exposures + 100 conversions into ONE email experiment, new
// units each) validated and stored in-process as `POST /v1/events` does (`findExperimentsForIngestion`,
// `prepareBatch`, `ingestEvents`) over ONE connection, one batch after another, in rounds after a warm-up round.
// Postgres's CPU comes from /proc/<pid>/schedstat (nanoseconds; /proc/<pid>/stat counts 10 ms ticks) summed over
// its processes. With no HTTP and no concurrency its rounds agreed within 3–5% in a quiet hour (±10% in a busy
// one), where the HTTP bench's runs move by ±10% and more: the instrument for a change to the batch statements
// (measured with it, as a script then: the prepared statements and the split arrays, 2026-12-04).
// Compare two builds by running it on each, interleaved (e.g. `git stash` between runs).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDb, findExperimentsForIngestion, ingestEvents } from '@uplift/db';
import { prepareBatch } from '@uplift/domain';
import { benchBatch } from './support/batch';
import { postgresPids } from './support/cpu';
import { fmt, insertExperiments, median, setup } from './support/setup';

const ROUNDS = Number(process.env.BENCH_PG_ROUNDS ?? 5);
const BATCHES = Number(process.env.BENCH_PG_BATCHES ?? 60);
const EVENTS = 1000; // a benchBatch: 900 exposures + 100 conversions

/** Nanoseconds every Postgres process on this machine has run so far, or null where none can be read. */
function postgresNs(): number | null {
  let ns = 0;
  let seen = false;
  for (const pid of postgresPids()) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
      seen = true;
    } catch {
      // gone between the listing and the read
    }
  }
  return seen ? ns : null;
}

const db = createDb(process.env.DATABASE_URL as string, 1);
const prefix = `bench-pg-${randomUUID().slice(0, 8)}`;
try {
  const { ws, h } = await setup(db, prefix);
  await insertExperiments(db, ws.id, h.id, `${prefix}-one`, 1);
  const key = `${prefix}-one-1`;
  const rounds: { rate: number; pg: number | null; node: number }[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    const batches = Array.from({ length: BATCHES }, (_, b) => ({ events: benchBatch(key, `r${round}-b${b}`) }));
    const pg0 = postgresNs();
    const node0 = process.cpuUsage();
    const t0 = performance.now();
    let stored = 0;
    for (const batch of batches) {
      const experiments = await findExperimentsForIngestion(db, ws.id, [key]);
      const { prepared, issues } = prepareBatch(batch, new Map(experiments.map((e) => [e.key, e])), new Date());
      if (issues.length) throw new Error(`the bench's batch was refused: ${JSON.stringify(issues[0])}`);
      stored += (await ingestEvents(db, prepared, experiments)).accepted;
    }
    const seconds = (performance.now() - t0) / 1000;
    const pg1 = postgresNs();
    const node = process.cpuUsage(node0);
    if (stored !== BATCHES * EVENTS) throw new Error(`stored ${stored} events, expected ${BATCHES * EVENTS}`);
    if (round < 0) continue; // the warm-up: the connection's statements prepared, V8's hot paths compiled
    const perEvent = { rate: stored / seconds, node: (node.user + node.system) / stored };
    rounds.push({ ...perEvent, pg: pg0 === null || pg1 === null ? null : (pg1 - pg0) / 1000 / stored });
  }
  const pgs = rounds.map((r) => r.pg).filter((x): x is number => x !== null);
  console.log(
    `ingestion without HTTP, one connection, ${ROUNDS} rounds of ${BATCHES} batches of ${fmt(EVENTS)} events into ONE experiment: ${fmt(median(rounds.map((r) => r.rate)))} events/s (median; rounds ${rounds.map((r) => fmt(r.rate)).join(', ')})`,
  );
  console.log(
    pgs.length
      ? `  Postgres's CPU an event: ${median(pgs).toFixed(2)} µs (median; rounds ${pgs.map((x) => x.toFixed(2)).join(', ')}); this process's (validation, statements, the driver): ${median(rounds.map((r) => r.node)).toFixed(2)} µs`
      : `  Postgres's CPU cannot be read here (no process named postgres in /proc: the embedded one, or not Linux); this process's: ${median(rounds.map((r) => r.node)).toFixed(2)} µs an event`,
  );
} finally {
  await db.$disconnect();
}
