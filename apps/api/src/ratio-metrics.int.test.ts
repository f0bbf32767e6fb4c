import { mulberry32 } from '@uplift/domain';
import { experimentResults, ingestBatch } from '@uplift/services';
import { evaluateExperimentJob } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

// Issue 11 part 3: ratio metrics in experiments; aggregates keep Σ numerator·denominator per unit exactly.
const deps = testDeps('ratio-metrics');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'ratio-metrics');
});
afterAll(() => deps.close());

const METRICS = {
  primary: { name: 'revenue', kind: 'mean' as const },
  guardrails: [
    { name: 'orders', kind: 'mean' as const, direction: 'up' as const },
    { name: 'aov', kind: 'ratio' as const, numerator: 'revenue', denominator: 'orders', direction: 'up' as const },
  ],
};

const shuffled = <T>(list: T[], rnd: () => number) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j] as T] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('ratio metrics in experiments', () => {
  it('refuses a ratio whose parts are not event metrics of the experiment, naming the field', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    const [, ratio] = METRICS.guardrails;
    const bad = { ...METRICS, guardrails: [{ ...(ratio as typeof ratio & object), denominator: 'visits' }] };
    await expect(owner.experiment.create({ ...sampleExperiment(h.id), metrics: bad })).rejects.toThrow(
      /"visits" is not a binomial or mean metric of this experiment \(revenue\)/,
    );
  });

  it('keeps Σ revenue·orders per unit exactly under shuffled, replayed events, and evaluates the ratio', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    const e = await owner.experiment.create({ ...sampleExperiment(h.id), metrics: METRICS, start: true });
    const rnd = mulberry32(31);
    const events: Record<string, unknown>[] = [];
    const expected = new Map<string, number>();
    for (let u = 0; u < 40; u++) {
      const variant = u % 2 ? 'promo' : 'control';
      events.push({ id: `x${u}`, experiment: e.key, unit: `u${u}`, type: 'exposure', variant });
      let [revenue, orders] = [0, 0];
      for (let o = 0; o < Math.floor(rnd() * 4); o++) {
        const value = Math.floor(rnd() * 100) / 2;
        revenue += value;
        orders += 1;
        const at = { experiment: e.key, unit: `u${u}`, type: 'conversion' };
        events.push({ id: `r${u}-${o}`, ...at, metric: 'revenue', value });
        events.push({ id: `o${u}-${o}`, ...at, metric: 'orders', value: 1 });
      }
      expected.set(variant, (expected.get(variant) ?? 0) + revenue * orders);
    }
    const sends = [...events, ...events.filter(() => rnd() < 0.3)];
    for (let i = 0, list = shuffled(sends, rnd); i < list.length; ) {
      const n = 1 + Math.floor(rnd() * 7);
      await ingestBatch(deps, ws.id, { events: list.slice(i, i + n) as never });
      i += n;
    }
    const rows = await deps.db.experimentAggregate.findMany({ where: { experimentId: e.id, metric: 'aov' } });
    expect(Object.fromEntries(rows.map((r) => [r.variant, r.crossSum]))).toEqual(Object.fromEntries(expected));
    await evaluateExperimentJob(deps.db, deps.queue, e.id);
    const results = await experimentResults(deps, ws.id, e.key);
    const aov = (results.guardrails as { name?: string; analysis: unknown }[]).find((g) => g.name === 'aov');
    expect(aov?.analysis).toMatchObject({
      variants: [
        { key: 'control', users: 20 },
        { key: 'promo', users: 20 },
      ],
    });
  });
});
