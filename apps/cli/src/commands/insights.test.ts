import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

const experiment = (key: string, estimate: number, se: number, outcome: string, confidence: number) => ({
  key,
  estimate,
  se,
  outcome,
  predictedLift: 0.05,
  confidence,
  channel: 'EMAIL',
  stage: 'LANDING',
});
// Σx² = 0.0193, Σs² = 0.0055: τ² = 0.00276 (the domain's shrinkage test).
const five = [
  experiment('a', 0.1, 0.03, 'WIN', 0.8),
  experiment('b', 0.05, 0.04, 'INCONCLUSIVE', 0.5),
  experiment('c', -0.02, 0.02, 'LOSS', 0.3),
  experiment('d', 0.08, 0.05, 'WIN', 0.7),
  experiment('e', 0, 0.01, 'INCONCLUSIVE', 0.1),
];

describe('uplift insights', { timeout: 30_000 }, () => {
  it('prints τ², the shrunk lifts and the calibration of five experiments', () => {
    const run = runCli(['insights'], JSON.stringify({ experiments: five }));
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['tau2', 'experiments', 'calibration']);
    expect(out.tau2).toBeCloseTo(0.00276, 15);
    expect(out.experiments[0]).toEqual({
      key: 'a',
      shrunkEstimate: expect.closeTo(0.0754098, 6), // 0.1·0.00276/0.00366
      shrunkSe: expect.closeTo(0.0260517, 6),
    });
    // 2 wins of 5: Beta(3, 4); interval per scipy.stats.beta.ppf(0.05 / 0.95, 3, 4).
    expect(out.calibration.winRate).toEqual({
      wins: 2,
      n: 5,
      mean: expect.closeTo(3 / 7, 12),
      low: expect.closeTo(0.15316111797522317, 12),
      high: expect.closeTo(0.7286616274802475, 12),
    });
    expect(out.calibration.brier).toBeCloseTo(0.096, 12); // (0.04 + 0.25 + 0.09 + 0.09 + 0.01)/5
    expect(out.calibration.buckets).toEqual([
      { from: 0, to: 0.2, n: 1, wins: 0 },
      { from: 0.2, to: 0.4, n: 1, wins: 0 },
      { from: 0.4, to: 0.6, n: 1, wins: 0 },
      { from: 0.6, to: 0.8, n: 1, wins: 1 },
      { from: 0.8, to: 1, n: 1, wins: 1 },
    ]);
    expect(out.calibration.liftRatio).toBeCloseTo(0.13157 / 0.25, 5);
  });

  it('reads a file; below 5 experiments τ² and the lift ratio are null and the lifts stay as measured', () => {
    const file = `${tmpdir()}/uplift-insights-${process.pid}.json`;
    writeFileSync(file, JSON.stringify({ experiments: five.slice(0, 2) }));
    const run = runCli(['insights', file]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.tau2).toBeNull();
    expect(out.experiments).toEqual([
      { key: 'a', shrunkEstimate: 0.1, shrunkSe: 0.03 },
      { key: 'b', shrunkEstimate: 0.05, shrunkSe: 0.04 },
    ]);
    expect(out.calibration.liftRatio).toBeNull();
  });

  it('exits 2 naming each bad field, with nothing on stdout', () => {
    const bad = { ...five[1], se: -0.1, outcome: 'WON', stage: undefined };
    const run = runCli(['insights'], JSON.stringify({ experiments: [five[0], bad] }));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'experiments.1.se: must be ≥ 0',
      'experiments.1.outcome: must be one of WIN, LOSS, INCONCLUSIVE',
      'experiments.1.stage: is required',
    ]);
    expect(runCli(['insights'], '{}').stderr.trim()).toBe('experiments: is required');
    expect(runCli(['insights'], '[oops').stderr).toMatch(/^stdin: not valid JSON/);
  });

  it('is listed in uplift --help', () => {
    expect(runCli(['--help']).stdout).toMatch(/insights \[options\] \[file\]\s+Calibrate from completed experiments/);
  });
});
