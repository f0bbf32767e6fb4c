// Decision-rule simulations (issue 11): `npx tsx bench/decisions.ts [runs]` from the repo root. Seeded two-arm tests
// evaluated by the worker's own `evaluateExperiment` after every batch; prints how the runs end and asserts nothing
// (the small seeded versions of these checks are unit tests beside simulate-decisions.ts and futility.ts).

import {
  type DecisionSimulation,
  ratesOf,
  simulateDecisions,
} from '../packages/domain/src/evaluation/simulate-decisions';
import type { AnalysisSettings } from '../packages/domain/src/experiment';
import { plannedUsersFor } from '../packages/domain/src/planned-users';

const runs = Number(process.argv[2] ?? 2_000);
const pct = (x: number) => `${x.toFixed(2)}%`;
const settings = (engine: AnalysisSettings['engine'], sequential: number | null, minLift: number | null = null) =>
  ({ engine, sequential, alpha: 0.05, correction: 'none', minLift }) satisfies AnalysisSettings;

function print(label: string, sim: DecisionSimulation): void {
  const tally = simulateDecisions(sim);
  const r = ratesOf(tally);
  console.log(
    `decisions: ${label}, ${sim.runs.toLocaleString('en')} runs: WIN ${pct(r.win)}, LOSS ${pct(r.loss)}, ` +
      `INCONCLUSIVE ${pct(r.inconclusive)}, ended before the plan ${pct(r.stoppedEarly)}, ` +
      `mean units ${Math.round(tally.meanUsers).toLocaleString('en')}`,
  );
}

// Part 0: email tests at a 5% baseline, 20,000 planned units, an evaluation per 1,000 units.
const email = { runs, baseline: 0.05, plannedUsers: 20_000, batch: 1_000 };
const engines: [string, AnalysisSettings][] = [
  ['Bayesian (gated)', settings('bayesian', null)],
  ['fixed horizon', settings('frequentist', null)],
  ['sequential', settings('frequentist', 20_000)],
];
for (const [lift, seed] of [
  [0, 20261202],
  [0.15, 20261203],
] as const) {
  for (const [name, analysis] of engines) {
    print(`${lift === 0 ? 'A/A' : `+${lift * 100}% lift`}, ${name}`, { ...email, seed, lift, analysis });
  }
}

// Part 4: futility of sequential tests. A hypothesis expecting +15% at a 5% baseline gets a minimum worthwhile lift
// of 7.5%. On an audience-sized plan (200,000 units, an evaluation per 10,000) flat tests stop early; on the
// 80%-power plan for the expected lift they cannot (the sequence's half-width there is ≈ 3 se, the bound ≈ 1.4 se).
const futilityRuns = Math.max(500, Math.round(runs / 4));
const big = { runs: futilityRuns, baseline: 0.05, plannedUsers: 200_000, batch: 10_000, seed: 20261204 };
for (const lift of [0, 0.075, 0.15]) {
  for (const minLift of [null, 0.075]) {
    const label = `${lift === 0 ? 'A/A' : `+${lift * 100}% lift`}, sequential 200,000, futility ${minLift === null ? 'off' : '±7.5%'}`;
    print(label, { ...big, lift, analysis: settings('frequentist', 200_000, minLift) });
  }
}
const powerPlan = plannedUsersFor({ baselineRate: 0.05, expectedLift: 0.15 }, 0.05, 2);
print(`A/A, sequential at the 80%-power plan (${powerPlan.toLocaleString('en')} units), futility ±7.5%`, {
  ...big,
  plannedUsers: powerPlan,
  batch: Math.round(powerPlan / 20),
  lift: 0,
  analysis: settings('frequentist', powerPlan, 0.075),
});
