import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

const week = (w: number) => new Date(Date.UTC(2025, 0, 6 + 7 * w)).toISOString().slice(0, 10);

/** 12 stores × 20 weeks: two shared seasonal patterns in different mixes plus a little store-specific wobble. */
function rows() {
  const out = [];
  for (let i = 0; i < 12; i++) {
    for (let t = 0; t < 20; t++) {
      const mix = (i % 5) / 4;
      const pattern = mix * Math.sin(t / 3) + (1 - mix) * Math.cos(t / 4);
      const wobble = 0.02 * Math.sin(12.9898 * i + 78.233 * t);
      out.push({
        location: `s${i}`,
        week: week(t),
        sales: Math.round(1000 * (1 + i / 10) * (1 + 0.1 * pattern + wobble)),
      });
    }
  }
  return out;
}

describe('uplift locations plan', { timeout: 120_000 }, () => {
  it('gives the proposed set’s minimum detectable lift and ranks candidate sets', () => {
    const request = {
      rows: rows(),
      treatment: ['s0', 's1'],
      candidates: ['s0', 's1', 's2'],
      testWeeks: 3,
      windows: 2,
      alpha: 0.1,
    };
    const run = runCli(['locations', 'plan'], JSON.stringify(request));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan).toMatchObject({
      testWeeks: 3,
      windows: 2,
      treatmentSize: 2,
      searched: 3,
      possible: 3,
      exhaustive: true,
    });
    expect(plan.proposed.treatment).toEqual(['s0', 's1']);
    expect(plan.proposed.mde).toBeGreaterThan(0);
    expect(plan.ranked.map((r: { treatment: string[] }) => r.treatment.join())).toEqual(
      expect.arrayContaining(['s0,s1', 's0,s2', 's1,s2']),
    );
  });

  it('rejects a bad request with exit code 2, naming the field, and nothing on stdout', () => {
    const run = runCli(['locations', 'plan'], JSON.stringify({ rows: rows().slice(0, 10), testWeeks: 0, alpha: 2 }));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'request 0: testWeeks: must be ≥ 1',
      'request 0: alpha: must be > 0 and ≤ 0.5',
      'request 0: rows: must cover at least 4 locations (2 treated and 2 holdouts; the rows hold 1)',
    ]);
  });
});
