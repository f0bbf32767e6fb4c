// Decision-rule simulations (issue 11): `npx tsx bench/decisions.ts [runs]` from the repo root. Seeded email tests
// at a 5% baseline, 20,000 planned units, evaluated by the worker's `evaluateExperiment` after every 1,000 units.
// Prints how the runs end; asserts nothing (the small seeded versions of these checks are unit tests).

import { ratesOf, simulateDecisions } from '../packages/domain/src/evaluation/simulate-decisions';
import type { AnalysisSettings } from '../packages/domain/src/experiment';

const runs = Number(process.argv[2] ?? 4_000);
const base = { runs, baseline: 0.05, plannedUsers: 20_000, batch: 1_000 };
const engines: [string, AnalysisSettings][] = [
  ['Bayesian (gated)', { engine: 'bayesian', sequential: null, alpha: 0.05, correction: 'none' }],
  ['fixed horizon', { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'none' }],
  ['sequential', { engine: 'frequentist', sequential: 20_000, alpha: 0.05, correction: 'none' }],
];
const pct = (x: number) => `${x.toFixed(2)}%`;

for (const [lift, seed] of [
  [0, 20261202],
  [0.15, 20261203],
] as const) {
  for (const [name, analysis] of engines) {
    const tally = simulateDecisions({ ...base, seed, lift, analysis });
    const r = ratesOf(tally);
    console.log(
      `decisions: ${lift === 0 ? 'A/A' : `+${lift * 100}% lift`}, ${name}, ${runs.toLocaleString('en')} runs: ` +
        `WIN ${pct(r.win)}, LOSS ${pct(r.loss)}, INCONCLUSIVE ${pct(r.inconclusive)}, ` +
        `ended early ${pct(r.stoppedEarly)}, mean units ${Math.round(tally.meanUsers).toLocaleString('en')}`,
    );
  }
}
