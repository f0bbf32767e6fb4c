// Synthetic-control validation: `npx tsx bench/synthetic.ts [runs]` (or `npm run bench -- synthetic`). Prints
// figures, asserts nothing. Issue 11 targets: on factor-model sales with 2 treated stores and a +8% lift, the
// relative estimate within 2 percentage points on average; with no lift (A/A), uniform placebo p-values, so at
// most α false positives. 40 stores, 26 pre-period weeks, 8 post-period weeks, 5% weekly noise.
import { analyzeSynthetic } from '../packages/domain/src/locations/synthetic';
import { factorSales } from '../packages/domain/src/locations/synthetic/factor-sales';
import { mulberry32 } from '../packages/domain/src/stats/prng';

// About 0.5–0.8 s per analysis: `npm run bench` runs 300 of each (a few minutes); pass a count for more
// (the README's figures: `npx tsx bench/synthetic.ts 1000`).
const RUNS = Number(process.argv[2] ?? 300);
const ALPHA = 0.05;
const LIFT = 0.08;
const shape = { locations: 40, preWeeks: 26, postWeeks: 8, treated: 2 };
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

function run(seed: number, lift: number) {
  const random = mulberry32(seed);
  const relative: number[] = [];
  const pValues: number[] = [];
  let covered = 0;
  let power = 0;
  for (let k = 0; k < RUNS; k++) {
    const result = analyzeSynthetic({
      ...factorSales(random, { ...shape, lift }),
      alpha: ALPHA,
      plannedWeeks: 8,
      mde: LIFT,
    });
    const [low, high] = result.ci!;
    const synthetic = result.estimate! / result.relative!;
    relative.push(result.relative!);
    pValues.push(result.pValue!);
    if (low <= lift * synthetic && lift * synthetic <= high) covered++;
    power += result.power! / RUNS;
  }
  return { relative, pValues, covered: covered / RUNS, power };
}

const started = performance.now();
const lifted = run(2026, LIFT);
const errors = lifted.relative.map((r) => r - LIFT);
const bias = errors.reduce((a, b) => a + b) / RUNS;
const mae = errors.reduce((a, b) => a + Math.abs(b), 0) / RUNS;
const rmse = Math.sqrt(errors.reduce((a, b) => a + b * b, 0) / RUNS);
const share = (ps: number[], cut: number) => ps.filter((p) => p <= cut).length / ps.length;
console.log(`+8% lift, ${RUNS.toLocaleString('en-US')} runs:`);
console.log(
  `  mean relative estimate ${pct(LIFT + bias)} (bias ${pct(bias)}), mean |error| ${pct(mae)}, RMSE ${pct(rmse)}`,
);
console.log(`  ${pct(lifted.covered)} of ${Math.round((1 - ALPHA) * 100)}% intervals cover +8%`);
console.log(
  `  placebo p ≤ ${ALPHA} in ${pct(share(lifted.pValues, ALPHA))} (mean placebo-simulated power ${pct(lifted.power)})`,
);

const aa = run(7, 0);
console.log(`A/A, ${RUNS.toLocaleString('en-US')} runs:`);
console.log(`  false positives (p ≤ ${ALPHA}): ${pct(share(aa.pValues, ALPHA))}`);
for (const cut of [0.1, 0.25, 0.5, 0.75]) console.log(`  share of p ≤ ${cut}: ${pct(share(aa.pValues, cut))}`);
const sorted = [...aa.pValues].sort((a, b) => a - b);
const ks = sorted.reduce((d, p, i) => Math.max(d, Math.abs(p - (i + 1) / RUNS), Math.abs(p - i / RUNS)), 0);
console.log(`  Kolmogorov–Smirnov distance to uniform: ${ks.toFixed(3)} (the p-values' grid is 1/39 wide)`);
console.log(
  `  ${pct(aa.covered)} of intervals cover 0; mean relative estimate ${pct(aa.relative.reduce((a, b) => a + b) / RUNS)}`,
);
console.log(`${((performance.now() - started) / (2 * RUNS)).toFixed(1)} ms per analysis (fit + 38 placebo fits)`);
