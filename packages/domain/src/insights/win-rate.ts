import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

export interface WinRate {
  wins: number;
  /** Completed tests. */
  n: number;
  /** Observed wins/n; null when n = 0. */
  rate: number | null;
  /** Beta(1,1) posterior mean (wins + 1)/(n + 2). */
  mean: number;
  /** Equal-tailed 90% interval of Beta(wins + 1, n − wins + 1). */
  low: number;
  high: number;
}

/** Lower tail of the equal-tailed 90% interval. */
const TAIL = 0.05;

/**
 * Win rate with a uniform prior: posterior Beta(wins + 1, n − wins + 1) (Gelman et al., Bayesian Data Analysis,
 * 3rd ed., §2.1: binomial data, uniform prior), its mean and equal-tailed 90% interval.
 */
export function winRate(wins: number, n: number): WinRate {
  const a = wins + 1;
  const b = n - wins + 1;
  return {
    wins,
    n,
    rate: n > 0 ? wins / n : null,
    mean: a / (a + b),
    low: betaQuantile(TAIL, a, b),
    high: betaQuantile(1 - TAIL, a, b),
  };
}

/** Win rates per group (channel, funnel stage, …), in first-seen order of the groups. */
export function winRatesBy<T>(tests: readonly T[], key: (test: T) => string, won: (test: T) => boolean) {
  const counts = new Map<string, { wins: number; n: number }>();
  for (const test of tests) {
    const count = counts.get(key(test)) ?? { wins: 0, n: 0 };
    count.n += 1;
    if (won(test)) count.wins += 1;
    counts.set(key(test), count);
  }
  return [...counts].map(([group, { wins, n }]) => ({ group, ...winRate(wins, n) }));
}
