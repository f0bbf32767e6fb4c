import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/prng';
import { candidateSets } from './candidate-sets';
import { factorSales } from './factor-sales';
import { type LocationPlanProgress, planLocations } from './market-selection';
import { ZLocationPlanInput } from './plan-input';

// 22 factor-model stores over 32 weeks of history; stores 0 and 1 get 25% weekly noise on top, the rest 3%.
function history() {
  const random = mulberry32(9);
  const { rows } = factorSales(random, { locations: 22, preWeeks: 32, postWeeks: 0, treated: 0, lift: 0, noise: 0.03 });
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return rows.map((r) =>
    r.location === 'store-0' || r.location === 'store-1' ? { ...r, sales: r.sales * Math.exp(0.25 * normal()) } : r,
  );
}
const base = { rows: history(), testWeeks: 4, windows: 2 };

describe('candidateSets', () => {
  const pool = Array.from({ length: 10 }, (_, i) => `s${i}`);

  it('lists every set when there are no more than asked for, and a seeded sample of distinct sets otherwise', () => {
    expect(candidateSets(pool.slice(0, 4), 2, 6, 1)).toEqual([
      ['s0', 's1'],
      ['s0', 's2'],
      ['s0', 's3'],
      ['s1', 's2'],
      ['s1', 's3'],
      ['s2', 's3'],
    ]);
    const sample = candidateSets(pool, 3, 12, 5);
    expect(sample).toHaveLength(12);
    expect(new Set(sample.map((s) => s.join())).size).toBe(12);
    expect(candidateSets(pool, 3, 12, 5)).toEqual(sample);
    expect(candidateSets(pool, 3, 12, 6)).not.toEqual(sample);
  });
});

describe('planLocations', { timeout: 60_000 }, () => {
  it('gives a noisy proposed pair a larger minimum detectable lift than a quiet one', () => {
    const noisy = planLocations(
      ZLocationPlanInput.parse({ ...base, treatment: ['store-0', 'store-1'], maxCandidates: 1 }),
    );
    const quiet = planLocations(
      ZLocationPlanInput.parse({ ...base, treatment: ['store-2', 'store-3'], maxCandidates: 1 }),
    );
    expect(quiet.proposed!.mde).not.toBeNull();
    expect(noisy.proposed!.mde ?? 1).toBeGreaterThan(quiet.proposed!.mde!);
    const curve = quiet.proposed!.powerCurve;
    expect(curve.at(-1)).toEqual({ effect: quiet.proposed!.mde, power: expect.any(Number) });
    expect(curve.at(-1)!.power).toBeGreaterThanOrEqual(0.8);
    expect(curve.slice(0, -1).every((p) => p.power < 0.8)).toBe(true);
  });

  it('ranks every candidate pair by MDE, the one without a noisy store first', () => {
    const candidates = ['store-0', 'store-1', 'store-2', 'store-3'];
    const plan = planLocations(ZLocationPlanInput.parse({ ...base, candidates, maxCandidates: 6 }));
    expect(plan).toMatchObject({ treatmentSize: 2, searched: 6, possible: 6, exhaustive: true, proposed: null });
    const keys = plan.ranked.map((r) => [r.falseDetections, r.mde ?? Number.POSITIVE_INFINITY] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    // The only pair without a noisy store comes first; every other pair needs a larger lift to be seen.
    expect(plan.ranked[0]!.treatment).toEqual(['store-2', 'store-3']);
    expect(plan.ranked[0]!.mde).not.toBeNull();
    for (const other of plan.ranked.slice(1)) expect(other.mde ?? 1).toBeGreaterThan(plan.ranked[0]!.mde!);
    // 22 stores but only 32 − 4 − 2 + 1 = 27 weeks before the earliest window: enough on both counts.
    expect(plan.warnings).toEqual([]);
  });

  it('ranks last a set whose store drifted from its synthetic control, however small its MDE looks', () => {
    // store-4's sales climb 4% a week over the last 6 weeks: every window then "detects" it with no lift.
    const last = [...new Set(base.rows.map((r) => r.week))].sort().slice(-6);
    const rows = base.rows.map((r) =>
      r.location === 'store-4' && last.includes(r.week)
        ? { ...r, sales: r.sales * (1 + 0.04 * (last.indexOf(r.week) + 1)) }
        : r,
    );
    const plan = planLocations(
      ZLocationPlanInput.parse({ ...base, rows, candidates: ['store-2', 'store-3', 'store-4'] }),
    );
    const drifting = plan.ranked.filter((r) => r.treatment.includes('store-4'));
    expect(drifting.map((r) => r.falseDetections)).toEqual([1, 1]);
    expect(drifting.map((r) => r.mde)).toEqual([0.01, 0.01]);
    expect(plan.ranked[0]).toMatchObject({ treatment: ['store-2', 'store-3'], falseDetections: 0 });
  });

  it('rejects bad plans naming the field, and says when history is too short', () => {
    const bad = ZLocationPlanInput.safeParse({ ...base, treatment: ['store-0', 'nowhere'], treatmentSize: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'treatmentSize: must be ≥ 1',
      'treatment.1: location "nowhere" has no sales rows',
    ]);
    const short = planLocations(ZLocationPlanInput.parse({ ...base, testWeeks: 30, maxCandidates: 1 }));
    expect(short.ranked).toEqual([]);
    expect(short.warnings.at(-1)).toMatch(/at least 34 weeks of complete history .* there are 32/);
  });
});

describe('planLocationSteps', { timeout: 60_000 }, () => {
  it('reports each set evaluated, and plans exactly what planLocations plans', () => {
    const input = ZLocationPlanInput.parse({ ...base, treatment: ['store-2', 'store-3'], maxCandidates: 3 });
    const heard: LocationPlanProgress[] = [];
    const plan = planLocations(input, (p) => heard.push(p));
    expect(heard.map((p) => `${p.done}/${p.total}`)).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
    expect(plan).toEqual(planLocations(input));
    expect(plan.ranked).toHaveLength(3);
  });
});
