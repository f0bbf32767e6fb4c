import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

const idea = {
  reachPerMonth: 10_000,
  baselineRate: 0.05,
  expectedLift: 0.1,
  valuePerConversion: 40,
  confidence: 0.5,
  cost: 5_000,
};

describe('uplift roi', { timeout: 30_000 }, () => {
  it('adds the scores to each item, keeping its other fields; horizon defaults to 12', () => {
    const run = runCli(
      ['roi'],
      JSON.stringify([
        { id: 'a', ...idea },
        { id: 'b', ...idea, horizonMonths: 3, reachPerMonth: 0 },
      ]),
    );
    expect(run.status).toBe(0);
    const [a, b] = JSON.parse(run.stdout);
    expect(a).toMatchObject({
      id: 'a',
      horizonMonths: 12,
      expectedMonthlyGain: 1000,
      expectedGain: 12000,
      paybackMonths: 5,
    });
    expect(a.roi).toBeCloseTo(1.4, 12);
    expect(b).toMatchObject({ id: 'b', horizonMonths: 3, expectedMonthlyGain: 0, roi: -1, paybackMonths: null });
  });

  it('reads a file as well as stdin', () => {
    const file = `${tmpdir()}/uplift-roi-${process.pid}.json`;
    writeFileSync(file, JSON.stringify([idea]));
    const run = runCli(['roi', file]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0].roi).toBeCloseTo(1.4, 12);
  });

  it('exits 2 with one line per problem naming item and field, and nothing on stdout', () => {
    const run = runCli(['roi'], JSON.stringify([idea, { ...idea, baselineRate: 1.5, cost: undefined }]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'item 1: field baselineRate: must be < 1',
      'item 1: field cost: is required',
    ]);
  });

  it('says so when the input is not JSON or not an array', () => {
    expect(runCli(['roi'], '{oops').stderr).toMatch(/^stdin: not valid JSON/);
    const notArray = runCli(['roi'], JSON.stringify(idea));
    expect(notArray.status).toBe(2);
    expect(notArray.stderr).toMatch(/expected a JSON array/);
  });
});
