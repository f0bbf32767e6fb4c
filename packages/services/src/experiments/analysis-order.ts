/**
 * Snapshots live in jsonb, which stores object keys in its own order. Results are served with the keys in the
 * order `uplift analyze` prints them, so the two outputs read (and diff) alike.
 */
const TOP = ['srm', 'variants', 'warnings', 'cuped'];
const SRM = ['chiSquare', 'pValue', 'flagged'];
const VARIANT = [
  'key',
  'users',
  'mean',
  'estimate',
  'se',
  'ci',
  'pValue',
  'chanceToWin',
  'risk',
  'significant',
  'decision',
  'adjustedPValue',
];

const ordered = (value: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries([
    ...keys.filter((k) => k in value).map((k) => [k, value[k]]),
    ...Object.keys(value)
      .filter((k) => !keys.includes(k))
      .map((k) => [k, value[k]]),
  ]);

export function inAnalyzeOrder<T>(analysis: T): T {
  if (!analysis || typeof analysis !== 'object' || !('srm' in analysis)) return analysis;
  const a = ordered(analysis as Record<string, unknown>, TOP);
  a.srm = ordered(a.srm as Record<string, unknown>, SRM);
  a.variants = (a.variants as Record<string, unknown>[]).map((v) => ordered(v, VARIANT));
  return a as T;
}
