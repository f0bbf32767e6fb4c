import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

const idea = (id: string, channel: string, expectedMonthlyGain: number) => ({
  id,
  channel,
  baselineRate: 0.1,
  expectedLift: 0.1, // `uplift plan` gives 31,224 users for it
  expectedMonthlyGain,
  roi: 1,
  createdAt: '2026-01-01T00:00:00Z',
});
const request = {
  channels: { EMAIL: { unitsPerWeek: 20_000, maxConcurrent: 2 } },
  running: [{ id: 'running', channel: 'EMAIL', remainingUnits: 25_000 }],
  hypotheses: [idea('a', 'EMAIL', 4000), idea('b', 'EMAIL', 8000), { ...idea('flat', 'EMAIL', 1), expectedLift: 0 }],
};

describe('uplift roadmap', { timeout: 30_000 }, () => {
  it('prints the schedule, what cannot run and what fits this quarter', () => {
    const run = runCli(['roadmap'], JSON.stringify(request));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    // 10,000 units a slot-week: the running test holds slot 0 for 3 weeks; each idea takes 4.
    expect(out.running).toEqual([
      { id: 'running', channel: 'EMAIL', slot: 0, startWeek: 0, endWeek: 3, weeks: 3, requiredUnits: 25_000 },
    ]);
    expect(out.scheduled).toEqual([
      { id: 'b', channel: 'EMAIL', slot: 1, startWeek: 0, endWeek: 4, weeks: 4, requiredUnits: 31_224, score: 2000 },
      { id: 'a', channel: 'EMAIL', slot: 0, startWeek: 3, endWeek: 7, weeks: 4, requiredUnits: 31_224, score: 1000 },
    ]);
    expect(out.tooSmall).toEqual([]);
    expect(out.unschedulable).toEqual([{ id: 'flat', reason: expect.stringContaining('positive expected lift') }]);
    expect(out.quarter).toEqual({ fits: 2, weeksOfBacklog: 7 });
  });

  it('exits 2 naming a channel used but missing, or a capacity that is not positive', () => {
    const missing = runCli(['roadmap'], JSON.stringify({ ...request, hypotheses: [idea('x', 'BANNER', 1)] }));
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim()).toBe(
      'channels.BANNER: no capacity is set, but "x" runs on BANNER; set its unitsPerWeek and maxConcurrent',
    );
    const zero = runCli(
      ['roadmap'],
      JSON.stringify({ ...request, channels: { EMAIL: { unitsPerWeek: 0, maxConcurrent: 0 } } }),
    );
    expect(zero.status).toBe(2);
    expect(zero.stdout).toBe('');
    expect(zero.stderr.trim().split('\n')).toEqual([
      'channels.EMAIL.unitsPerWeek: must be > 0 (the units per week that may be tested)',
      'channels.EMAIL.maxConcurrent: must be ≥ 1 (the tests that can run side by side)',
    ]);
  });

  it('is listed in uplift --help', () => {
    expect(runCli(['--help']).stdout).toMatch(/roadmap \[options\] \[file\]/);
  });
});
