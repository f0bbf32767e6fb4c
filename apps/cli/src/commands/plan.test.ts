import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

describe('uplift plan', { timeout: 30_000 }, () => {
  it('sizes a test from a lift, with the days at the given traffic', () => {
    const run = runCli(['plan'], JSON.stringify({ metric: 'binomial', baseline: 0.1, lift: 0.1, usersPerDay: 1000 }));
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ usersPerVariation: 15_612, totalUsers: 31_224, days: 32 });
    expect(result.power).toBeGreaterThanOrEqual(0.8);
  });

  it('gives the power of a fixed size; rejects a bad request with exit code 2 and nothing on stdout', () => {
    const good = { metric: 'mean', baseline: 10, variance: 3910, lift: 0.05, totalUsers: 400_000, variations: 3 };
    const run = runCli(['plan'], JSON.stringify([good, { metric: 'mean', baseline: 10, lift: 0.05 }]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual(['request 1: variance: is required for a mean metric']);
    const ok = runCli(['plan'], JSON.stringify([good]));
    expect(JSON.parse(ok.stdout)[0].power).toBeCloseTo(0.521441, 6);
  });

  it('warns on stderr about a lift above 100% and still answers', () => {
    const run = runCli(['plan'], JSON.stringify({ metric: 'binomial', baseline: 0.1, lift: 10 }));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).totalUsers).toBeGreaterThan(0);
    expect(run.stderr.trim()).toBe(
      'warning: request 0: lift: 10 is a relative lift of +1000% (0.1 is +10%); planned as given',
    );
    expect(runCli(['plan'], JSON.stringify({ metric: 'binomial', baseline: 0.1, lift: 1 })).stderr).toBe('');
  });
});
