// Statistics engine benchmark: `npx tsx bench/stats.ts` from the repo root. Prints figures, asserts nothing
// (timings belong in the README, not in tests). Targets: ≥ 500,000 analyses/s in-process on one core, and
// the CLI through 20,000 requests in < 1 s including Node's start.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnalyzeRequest, analyze, ZAnalyzeRequest } from '@uplift/domain';
import { mulberry32 } from '../packages/domain/src/stats/prng';

const root = fileURLToPath(new URL('..', import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const random = mulberry32(42);

/** Two-variant binomial experiments of varied size and rate, so no input repeats in a short cycle. */
function requests(count: number): AnalyzeRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const users = 1_000 + Math.floor(random() * 50_000);
    const rate = 0.02 + random() * 0.2;
    const conversions = (n: number, lift: number) => Math.min(n, Math.round(n * rate * (1 + lift)));
    return ZAnalyzeRequest.parse({
      metric: 'binomial',
      variants: [
        { key: 'control', users, sum: conversions(users, 0) },
        {
          key: `treatment-${i}`,
          users: users + Math.floor(random() * 200) - 100,
          sum: conversions(users, random() * 0.2 - 0.1),
        },
      ],
    });
  });
}

function inProcess(total: number): void {
  const pool = requests(4_096); // validated once, at the boundary, as a worker would
  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink += analyze(pool[i & 4095] as AnalyzeRequest).srm.chiSquare; // warm-up
  // Best of three rounds: on a shared machine the slowest round measures the neighbours, not the engine.
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < total; i++) sink += analyze(pool[i & 4095] as AnalyzeRequest).variants.length;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the loop from being optimised away');
  console.log(`stats: ${fmt(total)} two-variant analyses in ${best.toFixed(2)} s (${fmt(total / best)}/s, best of 3)`);
}

function cli(count: number): void {
  const build = spawnSync('npx', ['tsup'], { cwd: join(root, 'apps/cli'), encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`CLI build failed:\n${build.stderr}`);
  const file = join(tmpdir(), `uplift-bench-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(requests(count)));
  let best = Number.POSITIVE_INFINITY;
  try {
    for (let round = 0; round < 3; round++) {
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, ['apps/cli/dist/index.js', 'analyze', file], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
      if (run.status !== 0) throw new Error(`uplift analyze failed (${run.status}):\n${run.stderr}`);
      const results = JSON.parse(run.stdout) as unknown[];
      if (results.length !== count) throw new Error(`expected ${count} results, got ${results.length}`);
    }
  } finally {
    rmSync(file, { force: true });
  }
  console.log(
    `stats: CLI analysed ${fmt(count)} requests end to end in ${best.toFixed(2)} s (Node start included, best of 3)`,
  );
}

inProcess(1_000_000);
cli(20_000);
