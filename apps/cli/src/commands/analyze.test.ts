import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

const request = {
  metric: 'binomial',
  variants: [
    { key: 'a', users: 1000, sum: 120 },
    { key: 'b', users: 1000, sum: 150 },
  ],
};

describe('uplift analyze', { timeout: 30_000 }, () => {
  it('answers one request with one result: SRM, the control, then the treatment', () => {
    const run = runCli(['analyze'], JSON.stringify(request));
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.srm).toEqual({ chiSquare: 0, pValue: 1, flagged: false });
    expect(result.variants[0]).toEqual({ key: 'a', users: 1000, mean: 0.12 });
    expect(result.variants[1]).toMatchObject({ key: 'b', estimate: 0.25, decision: 'inconclusive' });
    expect(result.variants[1].pValue).toBeCloseTo(0.079565, 6);
    expect(result.warnings).toEqual([]);
  });

  it('answers an array from a file with an array in the same order', () => {
    const file = join(tmpdir(), `uplift-analyze-${process.pid}.json`);
    writeFileSync(file, JSON.stringify([request, { ...request, engine: 'bayesian' }]));
    const run = runCli(['analyze', file]);
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout);
    expect(results).toHaveLength(2);
    expect(results[0].variants[1]).toHaveProperty('pValue');
    expect(results[1].variants[1].chanceToWin).toBeCloseTo(0.960295, 6);
  });

  it('writes compact JSON on one line, and with --pretty the same value indented by two spaces', () => {
    const input = JSON.stringify([request, { ...request, difference: 'absolute' }]);
    const compact = runCli(['analyze'], input);
    const pretty = runCli(['analyze', '--pretty'], input);
    expect(compact.stdout.trimEnd()).not.toContain('\n');
    const value = JSON.parse(compact.stdout);
    expect(value).toHaveLength(2);
    expect(pretty.stdout).toBe(`${JSON.stringify(value, null, 2)}\n`);
    const lone = runCli(['analyze', '--pretty'], JSON.stringify(request));
    expect(lone.stdout).toBe(`${JSON.stringify(JSON.parse(lone.stdout), null, 2)}\n`);
    expect(runCli(['analyze'], '[]').stdout).toBe('[]\n');
  });

  it('rejects invalid requests with exit code 2, one line per problem naming request and field, nothing on stdout', () => {
    const bad = [
      request,
      { ...request, variants: [request.variants[0], { key: 'b', users: 10, sum: 11 }] },
      { metric: 'median', alpha: 0.7, variants: [request.variants[0]] },
    ];
    const run = runCli(['analyze'], JSON.stringify(bad));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'request 1: variants.1.sum: conversions (sum) cannot exceed users',
      'request 2: metric: must be "binomial", "mean" or "ratio"',
      'request 2: variants: needs at least 2 variants (the first is the control)',
      'request 2: alpha: must be > 0 and ≤ 0.5',
    ]);
  });

  it('analyses a ratio metric from its numerator and denominator sums, as gbstats does', () => {
    // gbstats' TwoSidedTTest over RatioStatistic (see packages/domain/src/stats/ratio-reference.test.ts).
    const control = { users: 60, numSum: 226, numSumSquares: 1090, denSum: 111, denSumSquares: 253, numDenSum: 497 };
    const treatment = { users: 55, numSum: 281, numSumSquares: 1929, denSum: 121, denSumSquares: 325, numDenSum: 765 };
    const ratio = {
      metric: 'ratio',
      variants: [
        { key: 'a', ...control },
        { key: 'b', ...treatment },
      ],
    };
    const run = runCli(
      ['analyze'],
      JSON.stringify([ratio, { ...ratio, variants: [ratio.variants[0], { ...ratio.variants[1], denSum: 0 }] }]),
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('request 1: variants.1.denSum: is 0, so the ratio numSum/denSum is undefined');
    const good = runCli(['analyze'], JSON.stringify(ratio));
    expect(good.status).toBe(0);
    const result = JSON.parse(good.stdout);
    expect(result.variants[0].mean).toBeCloseTo(226 / 111, 12);
    expect(result.variants[1].estimate).toBeCloseTo(0.140606, 6);
    expect(result.variants[1].pValue).toBeCloseTo(0.052246, 6);
  });

  it('calls a lone request "request 0", and rejects malformed JSON and a missing file the same way', () => {
    const lone = runCli(['analyze'], JSON.stringify({ metric: 'mean', variants: request.variants }));
    expect(lone.status).toBe(2);
    expect(lone.stderr).toContain('request 0: variants.0.sumSquares: is required for a mean metric');
    for (const run of [
      runCli(['analyze'], '{"metric": '),
      runCli(['analyze', join(tmpdir(), 'no-such-uplift-file.json')]),
    ]) {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
