export type Correction = 'none' | 'holm' | 'bh';

/**
 * Adjusted p-values, in the input order; nulls (degenerate comparisons) are skipped and do not count
 * towards m. Holm 1979: p̃₍ᵢ₎ = max_{j≤i} min(1, (m−j+1)·p₍ⱼ₎). Benjamini–Hochberg 1995 with the
 * monotone step-up: p̃₍ᵢ₎ = min_{j≥i} min(1, m·p₍ⱼ₎/j).
 */
export function adjustPValues(pValues: readonly (number | null)[], method: Correction): (number | null)[] {
  if (method === 'none') return pValues.slice();
  const order: number[] = [];
  pValues.forEach((p, i) => {
    if (p !== null) order.push(i);
  });
  order.sort((i, j) => (pValues[i] as number) - (pValues[j] as number));
  const m = order.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  if (method === 'holm') {
    let running = 0;
    order.forEach((index, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
      adjusted[index] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const index = order[rank] as number;
      // p·(m/j) rather than m·p/j: a factor ≥ 1 can never round the adjusted value below the raw one.
      running = Math.min(running, (pValues[index] as number) * (m / (rank + 1)));
      adjusted[index] = running;
    }
  }
  return adjusted;
}
