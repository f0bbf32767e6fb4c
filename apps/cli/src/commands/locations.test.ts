import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

// The worked example of packages/domain/src/locations/did.test.ts: 4 treated and 4 holdout stores, two weeks before
// 2025-03-17 and two from it. estimate 14.5, se 2.629956, p 0.0019, z 3.104892; relative 14.5/114.75.
const WEEKS = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];
const SALES: Record<string, number[]> = {
  T1: [100, 110, 120, 130],
  T2: [200, 190, 215, 225],
  T3: [50, 60, 65, 75],
  T4: [80, 80, 100, 104],
  H1: [100, 100, 104, 106],
  H2: [150, 170, 170, 166],
  H3: [60, 70, 66, 68],
  H4: [90, 94, 100, 102],
};
const request = {
  rows: Object.entries(SALES).flatMap(([location, sales]) =>
    sales.map((s, i) => ({ location, week: WEEKS[i], sales: s })),
  ),
  treatment: ['T1', 'T2', 'T3', 'T4'],
  holdout: ['H1', 'H2', 'H3', 'H4'],
  start: '2025-03-17',
};

describe('uplift locations analyze', { timeout: 30_000 }, () => {
  it('holds week 2 of 8 to its boundary: p = 0.002 keeps running', () => {
    const run = runCli(['locations', 'analyze'], JSON.stringify({ ...request, method: 'did' }));
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ method: 'did', look: 2, plannedWeeks: 8, warnings: [] });
    expect(result.estimate).toBeCloseTo(14.5, 6);
    expect(result.relative).toBeCloseTo(14.5 / 114.75, 8);
    expect(result.relativeSe).toBeCloseTo(2.6299556396765835 / 114.75, 8);
    expect(result.pValue).toBeCloseTo(0.0019034829660161006, 6);
    expect(result.ci[0]).toBeCloseTo(7.943025457256884, 6);
    expect(result.power).toBeCloseTo(0.542856372172655, 6);
    expect(result.boundary).toBeCloseTo(4.3326, 3); // 8 planned looks at α = 0.05, look 2
    expect(result.z).toBeCloseTo(3.104892, 5);
    expect(result.decision.outcome).toBe('KEEP_RUNNING');
  });

  it('answers an array from a file in order: a WIN at the last planned week; auto below 5 treated is synthetic', () => {
    const file = join(tmpdir(), `uplift-locations-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify([
        { ...request, plannedWeeks: 2, method: 'did' },
        { ...request, plannedWeeks: 2, alpha: 0.0005, method: 'did' },
        { ...request, plannedWeeks: 2 },
      ]),
    );
    const run = runCli(['locations', 'analyze', file]);
    expect(run.status).toBe(0);
    const [win, inconclusive, auto] = JSON.parse(run.stdout);
    expect(win).toMatchObject({ method: 'did', look: 2, plannedWeeks: 2, decision: { outcome: 'WIN' } });
    expect(win.warnings).toEqual([]);
    expect(auto).toMatchObject({ method: 'synthetic', z: null, look: 2, plannedWeeks: 2 });
    expect(win.boundary).toBeCloseTo(1.9686, 3);
    expect(inconclusive.decision.outcome).toBe('INCONCLUSIVE');
  });

  it('rejects bad requests with exit code 2 naming request and field, nothing on stdout', () => {
    const bad = [request, { ...request, plannedWeeks: 0, method: 'geo' }, { ...request, start: 'soon', rows: 'x' }];
    const run = runCli(['locations', 'analyze'], JSON.stringify(bad));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'request 1: plannedWeeks: must be between 1 and 104',
      'request 1: method: must be "did", "synthetic" or "auto"',
      'request 2: rows: must be an array of rows',
      'request 2: start: must be an ISO date (YYYY-MM-DD)',
    ]);
  });

  it('is listed in uplift --help', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/locations\s+Location \(store \/ region\) tests/);
  });
});
