import type { ExperimentOutcome } from '../decision';
import { type AggregateRow, evaluateExperiment } from '../evaluate-experiment';
import type { AnalysisSettings } from '../experiment';
import { drawConversions, mulberry32 } from '../stats/prng';

/** A two-arm email test evaluated the way the worker evaluates it: after every batch, until a terminal decision. */
export interface DecisionSimulation {
  runs: number;
  seed: number;
  /** The control's conversion rate; the treatment converts at baseline · (1 + lift). */
  baseline: number;
  lift: number;
  plannedUsers: number;
  /** Units per evaluation, split evenly between the arms. */
  batch: number;
  analysis: AnalysisSettings;
}

export interface SimulationTally {
  runs: number;
  WIN: number;
  LOSS: number;
  INCONCLUSIVE: number;
  /** Runs that ended (with any terminal outcome) before the planned sample. */
  stoppedEarly: number;
  /** Units used per run, on average. */
  meanUsers: number;
}

const DECISION = { winChance: 0.95, maxRisk: 0.0025, lossChance: 0.05 };

/**
 * Seeded runs of the worker's evaluation (`evaluateExperiment`) over growing data, counting how each run ends.
 * Pure: the randomness comes from `mulberry32(seed)`, so a run's figures are the same every time.
 */
export function simulateDecisions(sim: DecisionSimulation): SimulationTally {
  const random = mulberry32(sim.seed);
  const tally: SimulationTally = { runs: sim.runs, WIN: 0, LOSS: 0, INCONCLUSIVE: 0, stoppedEarly: 0, meanUsers: 0 };
  const half = Math.floor(sim.batch / 2);
  const looks = Math.ceil(sim.plannedUsers / (2 * half));
  let totalUsers = 0;
  for (let run = 0; run < sim.runs; run++) {
    // Every look's data is drawn whether or not the run has ended, so the same seed gives every rule the same data.
    const batches = Array.from({ length: looks }, () => [
      drawConversions(random, half, sim.baseline),
      drawConversions(random, half, sim.baseline * (1 + sim.lift)),
    ]);
    let control = 0;
    let treatment = 0;
    let outcome: ExperimentOutcome = 'KEEP_RUNNING';
    let look = 0;
    while (look < looks && outcome === 'KEEP_RUNNING') {
      const [a = 0, b = 0] = batches[look] ?? [];
      look++;
      control += a;
      treatment += b;
      outcome = evaluateExperiment({
        variants: [
          { key: 'control', name: 'control', weight: 0.5 },
          { key: 'treatment', name: 'treatment', weight: 0.5 },
        ],
        metrics: { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] },
        analysis: sim.analysis,
        plannedUsers: sim.plannedUsers,
        segmentAttribute: null,
        aggregates: aggregates(look * half, control, treatment),
        reports: [],
        decision: DECISION,
      }).decision.outcome;
    }
    if (outcome === 'WIN' || outcome === 'LOSS' || outcome === 'INCONCLUSIVE') tally[outcome]++;
    if (look < looks && outcome !== 'KEEP_RUNNING') tally.stoppedEarly++;
    totalUsers += look * 2 * half;
  }
  tally.meanUsers = totalUsers / sim.runs;
  return tally;
}

const aggregates = (perArm: number, control: number, treatment: number): AggregateRow[] => [
  { variant: 'control', segment: '', metric: '', units: perArm, sum: 0, sumSquares: 0 },
  { variant: 'treatment', segment: '', metric: '', units: perArm, sum: 0, sumSquares: 0 },
  { variant: 'control', segment: '', metric: 'purchase', units: control, sum: control, sumSquares: control },
  { variant: 'treatment', segment: '', metric: 'purchase', units: treatment, sum: treatment, sumSquares: treatment },
];

/** A tally as percentages, for printing. */
export const ratesOf = (t: SimulationTally) => ({
  win: (100 * t.WIN) / t.runs,
  loss: (100 * t.LOSS) / t.runs,
  inconclusive: (100 * t.INCONCLUSIVE) / t.runs,
  stoppedEarly: (100 * t.stoppedEarly) / t.runs,
});
