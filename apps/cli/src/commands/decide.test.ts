import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

const data = (control: number, treatment: number) => ({
  metric: 'binomial',
  variants: [
    { key: 'control', users: 5000, sum: control },
    { key: 'promo', users: 5000, sum: treatment },
  ],
});

describe('uplift decide', { timeout: 30_000 }, () => {
  it("prints the worker's decision for one input: a Bayesian lead is not final before the plan until the sequence excludes 0", () => {
    const run = runCli(
      ['decide'],
      JSON.stringify({ request: { ...data(250, 310), engine: 'bayesian' }, plannedUsers: 20_000 }),
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      outcome: 'KEEP_RUNNING',
      reason: expect.stringContaining('a Bayesian result is not final until the always-valid confidence sequence'),
      winner: null,
    });
  });

  it('answers an array in order; settings override the engine, set the thresholds and the gate’s α; guardrails apply', () => {
    const strong = data(250, 330);
    const unsubscribes = { ...data(20, 60), difference: 'absolute' };
    const run = runCli(
      ['decide'],
      JSON.stringify([
        { request: strong, plannedUsers: 20_000, settings: { engine: 'bayesian' } },
        { request: strong, plannedUsers: 20_000, settings: { engine: 'bayesian', alpha: 0.01 } },
        { request: strong, plannedUsers: 20_000 },
        { request: strong, plannedUsers: 10_000 },
        {
          request: strong,
          plannedUsers: 10_000,
          guardrails: [{ name: 'unsubscribe', harmful: 'up', request: unsubscribes }],
        },
        { request: data(250, 310), plannedUsers: 10_000, settings: { engine: 'bayesian', winChance: 0.995 } },
      ]),
    );
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as { outcome: string; winner: string | null; reason: string }[];
    expect(results.map((r) => r.outcome)).toEqual([
      'WIN', // chance to win 99.9% and the sequence [0.0016, 0.030] excludes 0 at half the plan
      'KEEP_RUNNING', // at α = 0.01 the sequence is wider and holds 0
      'KEEP_RUNNING', // the fixed-horizon engine waits for the plan
      'WIN',
      'INCONCLUSIVE', // the winner harms the unsubscribe guardrail
      'INCONCLUSIVE', // 99.0% < 99.5% at the planned sample
    ]);
    expect(results[0]?.winner).toBe('promo');
    expect(results[4]?.reason).toContain('"unsubscribe"');
  });

  it('rejects bad input with exit code 2, one line per problem naming the item and field, nothing on stdout', () => {
    const run = runCli(
      ['decide'],
      JSON.stringify([
        { request: data(250, 310), plannedUsers: 20_000 },
        { request: { ...data(250, 310), metric: 'count' }, plannedUsers: 1 },
        {
          request: data(250, 310),
          plannedUsers: 20_000,
          settings: { engine: 'magic', winChance: 1.5, alpha: 0 },
          guardrails: [{ name: 'unsubscribe', harmful: 'sideways', request: data(1, 2) }],
        },
        { plannedUsers: 20_000 },
      ]),
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'request 1: request.metric: must be "binomial", "mean" or "ratio"',
      'request 1: plannedUsers: must be ≥ 2',
      'request 2: settings.engine: must be "frequentist" or "bayesian"',
      'request 2: settings.winChance: must be > 0 and < 1 (a probability, e.g. 0.95)',
      'request 2: settings.alpha: must be > 0 and ≤ 0.5',
      'request 2: guardrails.0.harmful: must be "up" or "down"',
      'request 3: request: is required',
    ]);
  });
});
