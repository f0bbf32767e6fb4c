import nquantile from '@stdlib/stats-base-dists-normal-quantile';
import type { WeeklySalesRow } from '../did-input';

/** Shape of simulated store sales for the synthetic-control checks (tests and bench/synthetic.ts). */
export interface FactorSalesOptions {
  locations: number;
  preWeeks: number;
  postWeeks: number;
  /** How many locations are treated (drawn at random) and their relative lift after the start. */
  treated: number;
  lift: number;
  /** Weekly idiosyncratic noise, as the sd of a mean-one lognormal factor. */
  noise?: number;
}

const week = (w: number) => new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);

/**
 * Weekly sales from a linear factor model, the data-generating process synthetic controls are built for (Abadie,
 * Diamond & Hainmueller 2010, §2.3): y_it = base_i (1 + s_t + Σ_k λ_ik f_kt) ε_it, with lognormal store sizes
 * (median 20,000, σ = 0.5), a shared season s_t (sd 5%), two AR(1) factors f_kt (ρ = 0.8, innovations sd 3%)
 * with N(0, 1) loadings, and mean-one lognormal weekly noise ε (sd `noise`, default 5%). The treated locations'
 * post-period sales are multiplied by 1 + lift, so the true relative effect is exactly `lift`.
 */
export function factorSales(random: () => number, options: FactorSalesOptions) {
  const normal = () => nquantile(random(), 0, 1);
  const weeks = options.preWeeks + options.postWeeks;
  const sigma = options.noise ?? 0.05;
  const ids = Array.from({ length: options.locations }, (_, i) => `store-${i}`);
  const base = ids.map(() => 20_000 * Math.exp(0.5 * normal()));
  const loadings = ids.map(() => [normal(), normal()]);
  const season = Array.from({ length: weeks }, () => 0.05 * normal());
  const factors = [0, 1].map(() => {
    const f: number[] = [];
    let x = 0;
    for (let t = 0; t < weeks; t++) {
      x = 0.8 * x + 0.03 * normal();
      f.push(x);
    }
    return f;
  });
  const order = ids.map((id) => ({ id, key: random() })).sort((a, b) => a.key - b.key);
  const treatment = order.slice(0, options.treated).map((o) => o.id);
  const treated = new Set(treatment);
  const rows: WeeklySalesRow[] = [];
  ids.forEach((id, i) => {
    for (let t = 0; t < weeks; t++) {
      const mean =
        base[i]! * (1 + season[t]! + loadings[i]![0]! * factors[0]![t]! + loadings[i]![1]! * factors[1]![t]!);
      const lift = treated.has(id) && t >= options.preWeeks ? 1 + options.lift : 1;
      rows.push({ location: id, week: week(t), sales: mean * lift * Math.exp(sigma * normal() - (sigma * sigma) / 2) });
    }
  });
  return {
    rows,
    treatment,
    holdout: order.slice(options.treated).map((o) => o.id),
    start: week(options.preWeeks),
  };
}
