// Shared by the database benchmarks (bench/experiments.ts, bench/ingestion.ts): a throwaway workspace, running
// experiments inserted in bulk, child processes of the built apps.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Db } from '@uplift/db';

/**
 * Runs a built app. BENCH_NODE_ARGS go before the script, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where
 * an app's time goes (Node refuses --cpu-prof in NODE_OPTIONS).
 */
export const start = (script: string, env: NodeJS.ProcessEnv): ChildProcess =>
  spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
export const fmt = (n: number) => Math.round(n).toLocaleString('en');

const variants = [
  { key: 'control', name: 'Control', weight: 0.5 },
  { key: 'promo', name: 'Promo', weight: 0.5 },
];

/** A workspace and a hypothesis in testing, named after `prefix`. */
export async function setup(db: Db, prefix: string) {
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
export async function insertExperiments(
  db: Db,
  wsId: string,
  hypothesisId: string,
  stem: string,
  count: number,
  plannedUsers = 1e9,
) {
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
