import { describe, expect, it, vi } from 'vitest';
import { analyze } from './analyze';
import { mulberry32 } from './prng';
import type { AnalyzeRequest, VariantStats } from './request';
import { isAnalyzeRequest } from './request-check';

// Issue 15 made the engine faster by replacing @stdlib's Student-t CDF and quantile; every answer must stay
// what it was to 1e-12 relative. The reference is `analyze` loaded a second time with the fixed-horizon test's
// p-value and interval from testing/welch-reference.ts (the code before), compared over random requests.
vi.resetModules();
vi.doMock('./welch', async () => {
  const actual = await vi.importActual<typeof import('./welch')>('./welch');
  const reference = await import('./testing/welch-reference');
  return { ...actual, welchPValue: reference.referenceWelchPValue, welchHalfWidth: reference.referenceWelchHalfWidth };
});
const { analyze: referenceAnalyze } = await import('./analyze');
vi.doUnmock('./welch');

const TOLERANCE = 1e-12;

/** Users from 2 to 10 million, log-uniform, so small and huge tests both occur. */
const usersOf = (random: () => number) => Math.max(2, Math.round(2 * 5_000_000 ** random()));

function randomRequest(random: () => number): AnalyzeRequest {
  const metric = random() < 0.6 ? 'binomial' : 'mean';
  const base = 0.001 + random() * 0.6;
  const arms = random() < 0.8 ? 2 : 3;
  const variants: VariantStats[] = [];
  for (let i = 0; i < arms; i++) {
    const users = usersOf(random);
    const rate = Math.min(1, base * (1 + (random() - 0.5) * (random() < 0.3 ? 1 : 0.1)));
    if (metric === 'binomial') variants.push({ key: `v${i}`, users, sum: Math.round(users * rate) });
    else {
      const mean = rate * 100;
      const sd = 1 + random() * 50;
      const sum = mean * users;
      variants.push({ key: `v${i}`, users, sum, sumSquares: (sd * sd * (users - 1) + sum * mean) * 1.000001 });
    }
  }
  const roll = random();
  return {
    metric,
    variants,
    difference: random() < 0.7 ? 'relative' : 'absolute',
    alpha: [0.05, 0.05, 0.01, 0.1, 0.2, 0.001 + random() * 0.499][Math.floor(random() * 6)] as number,
    ...(roll < 0.1 ? { sequential: 1000 + random() * 100_000 } : roll < 0.2 ? { engine: 'bayesian' as const } : {}),
    ...(arms > 2 && random() < 0.5 ? { correction: 'holm' as const } : {}),
  };
}

/**
 * Every number within 1e-12 of the reference, relative to itself; an interval's bounds relative to the larger
 * of the two, since a bound near 0 is estimate − half-width and inherits their rounding, not its own size's.
 * Below 1e-300 (p-values past double's normal range, which @stdlib flushes to 0 in some cases and not in
 * others) the comparison is absolute.
 */
function differences(actual: unknown, expected: unknown, path: string, out: string[], scale = 0): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const allowed = Math.max(TOLERANCE * Math.max(Math.abs(expected), scale), 1e-300);
    if (!(Math.abs(actual - expected) <= allowed)) out.push(`${path}: ${actual} vs ${expected}`);
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    const pairScale = path.endsWith('.ci') ? Math.max(...expected.map((v) => Math.abs(v as number))) : 0;
    expected.forEach((v, i) => {
      differences(actual[i], v, `${path}.${i}`, out, pairScale);
    });
  } else if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const [key, v] of Object.entries(expected)) {
      differences((actual as Record<string, unknown>)[key], v, `${path}.${key}`, out);
    }
  } else if (actual !== expected) out.push(`${path}: ${String(actual)} vs ${String(expected)}`);
}

describe('the optimised engine answers as the reference did', { timeout: 60_000 }, () => {
  it('on 20,000 random requests, to 1e-12 relative', () => {
    const random = mulberry32(1915);
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      const request = randomRequest(random);
      expect(isAnalyzeRequest(request)).toBe(true);
      const found: string[] = [];
      const result = analyze(request);
      differences(result, referenceAnalyze(request), `request ${i}`, found);
      if (found.length) expect.fail(`${found.join('\n')}\n${JSON.stringify(request)}`);
      if (result.variants.some((v) => 'pValue' in v && v.pValue !== null)) compared++;
    }
    // Most requests reach the fixed-horizon test whose functions were replaced.
    expect(compared).toBeGreaterThan(12_000);
  });

  it('and the reference really is the former code path', () => {
    const request = randomRequest(mulberry32(7));
    expect(referenceAnalyze).not.toBe(analyze);
    expect(referenceAnalyze(request).variants).toHaveLength(request.variants.length);
  });
});
