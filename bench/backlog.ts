// Backlog benchmarks (run by `npm run bench`, which provides a throwaway DATABASE_URL and built apps):
//  1. listing a 10,000-hypothesis backlog through the real API over HTTP (sorted, filtered, searched): p50/p95;
//  2. rescoring 100,000 hypotheses through the real worker process.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createDb, createPasswordUser, type Db, rerankBacklog, writeScores } from '@uplift/db';
import { scoreRoi } from '@uplift/domain';
import { createQueue, createRedis, enqueue } from '@uplift/jobs';
import { hashPassword } from 'better-auth/crypto';
import { QueueEvents } from 'bullmq';

const url = process.env.DATABASE_URL as string;
const db = createDb(url, 4);
const prefix = `bench-${randomUUID().slice(0, 8)}`;
const apiPort = 3391;

/** Bulk-seeds `count` random hypotheses in SQL (generate_series): seconds, not minutes, for 100,000 rows. */
async function seedWorkspace(db: Db, slug: string, count: number, authorId: string) {
  const ws = await db.workspace.create({ data: { slug, name: slug } });
  await db.membership.create({ data: { workspaceId: ws.id, userId: authorId, role: 'PRODUCT_OWNER' } });
  await db.$executeRaw`SELECT setseed(0.42)`;
  await db.$executeRaw`
    INSERT INTO "Hypothesis" (id, "workspaceId", "authorId", title, statement, "funnelStage", segment, channel, offer,
      status, "reachPerMonth", "baselineRate", "expectedLift", "valuePerConversion", confidence, cost, "horizonMonths",
      "expectedMonthlyGain", "expectedGain", roi, "paybackMonths", "updatedAt")
    SELECT ${slug} || '-' || g, ${ws.id}, ${authorId},
      (ARRAY['Promo','Bundle','Banner','Email','Widget','Discount'])[1 + g % 6] || ' idea ' || g,
      'If we offer X to segment Y at step Z, conversion rises by N%.',
      (enum_range(NULL::"FunnelStage"))[1 + g % 9], (ARRAY['Lapsed buyers','New visitors','Members','Trial users'])[1 + g % 4],
      (enum_range(NULL::"Channel"))[1 + g % 3], 'An offer', (enum_range(NULL::"HypothesisStatus"))[1 + (g / 7) % 9],
      (random() * 100000)::int, 0.001 + random() * 0.3, random() * 0.5 - 0.05, random() * 200, random(), 500 + random() * 50000,
      12, 0, 0, 0, NULL, now()
    FROM generate_series(1, ${count}) g`;
  // Scores start at 0: the listing benchmark sorts on them, so give them real values through the domain model.
  const rows = await db.hypothesis.findMany({
    where: { workspaceId: ws.id },
    select: {
      id: true,
      reachPerMonth: true,
      baselineRate: true,
      expectedLift: true,
      valuePerConversion: true,
      confidence: true,
      cost: true,
    },
  });
  for (let i = 0; i < rows.length; i += 5_000) {
    await writeScores(
      db,
      ws.id,
      rows.slice(i, i + 5_000).map((h) => ({ id: h.id, ...scoreRoi({ ...h, horizonMonths: 12 }) })),
    );
  }
  await rerankBacklog(db, ws.id);
  await db.$executeRaw`ANALYZE "Hypothesis"`;
  return ws;
}

function start(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};

async function listingBench() {
  const email = `bench-${prefix}@bench.local`;
  const user = await createPasswordUser(db, { hashPassword }, { email, name: 'Bench', password: 'bench-password-1' });
  const slug = `bench-list-${prefix}`;
  await seedWorkspace(db, slug, 10_000, user.id);
  const env = {
    DATABASE_URL: url,
    API_PORT: String(apiPort),
    QUEUE_PREFIX: prefix,
    SESSION_SECRET: 'b'.repeat(64),
    WEB_URL: `http://localhost:${apiPort}`,
    NODE_ENV: 'production',
  };
  const api = start('apps/api/dist/main.js', env);
  try {
    const base = `http://127.0.0.1:${apiPort}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: env.WEB_URL },
      body: JSON.stringify({ email, password: 'bench-password-1' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const queries = [
      {},
      { sort: 'roi', direction: 'desc', status: ['SUBMITTED', 'APPROVED'] },
      { search: 'promo', sort: 'payback' },
      { funnelStage: ['PAYMENT', 'RETENTION'], channel: ['EMAIL'], sort: 'title' },
      { offset: 5_000, limit: 100 },
    ];
    const times: number[] = [];
    for (let i = 0; i < 550; i++) {
      const input = encodeURIComponent(JSON.stringify({ json: queries[i % queries.length] }));
      const t0 = performance.now();
      const res = await fetch(`${base}/trpc/hypothesis.list?input=${input}`, {
        headers: { cookie, 'x-workspace': slug },
      });
      await res.text();
      if (res.status !== 200) throw new Error(`listing answered ${res.status}`);
      if (i >= 50) times.push(performance.now() - t0); // the first 50 warm up pools and caches
    }
    console.log(
      `backlog listing, 10,000 hypotheses via HTTP API (${times.length} requests, sorted/filtered/searched): p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms (target p95 < 50 ms)`,
    );
  } finally {
    api.kill('SIGTERM');
  }
}

async function rescoreBench() {
  const user = await db.user.create({ data: { id: randomUUID(), email: `r-${prefix}@bench.local`, name: 'R' } });
  const t0 = performance.now();
  const ws = await seedWorkspace(db, `bench-rescore-${prefix}`, 100_000, user.id);
  console.log(`  (seeded 100,000 hypotheses in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const worker = start('apps/worker/dist/main.js', { DATABASE_URL: url, QUEUE_PREFIX: prefix });
  const redis = createRedis('worker');
  const queue = createQueue(redis, prefix);
  const events = new QueueEvents('uplift', { connection: redis.duplicate(), prefix });
  try {
    await events.waitUntilReady();
    await db.workspace.update({ where: { id: ws.id }, data: { horizonMonths: 24 } });
    const t1 = performance.now();
    const job = await enqueue(
      queue,
      'backlog.rescore',
      { workspaceId: ws.id, horizonMonths: 24 },
      { jobId: `bench-${prefix}` },
    );
    const result = (await job.waitUntilFinished(events, 120_000)) as { rescored: number };
    const seconds = (performance.now() - t1) / 1000;
    console.log(
      `backlog.rescore of ${result.rescored.toLocaleString('en')} hypotheses through the worker: ${seconds.toFixed(2)} s (target < 10 s)`,
    );
  } finally {
    worker.kill('SIGTERM');
    await events.close();
    await queue.close();
    redis.disconnect();
  }
}

await listingBench();
await rescoreBench();
await db.$disconnect();
// BullMQ's QueueEvents keeps a blocking connection of its own alive; nothing is left to wait for.
process.exit(0);
