import tcdf from '@stdlib/stats-base-dists-t-cdf';
import tquantile from '@stdlib/stats-base-dists-t-quantile';

// The fixed-horizon test's p-value and interval as the engine computed them before issue 15, through
// @stdlib's Student-t CDF and quantile: the reference the faster student-t.ts and t-quantile.ts are held to.

export const referenceWelchPValue = (t: number, df: number) => Math.min(2 * tcdf(-Math.abs(t), df), 1);

export const referenceWelchHalfWidth = (se: number, df: number, alpha: number) => tquantile(1 - alpha / 2, df) * se;
