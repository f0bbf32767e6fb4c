export interface Change {
  key: string;
  from?: unknown;
  to?: unknown;
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;

// A create event stores the whole row; these few keys are what a reader wants from it.
const SUMMARY_KEYS = ['title', 'status', 'email', 'role', 'horizonMonths', 'pinnedRank', 'experimentKey', 'tags'];

/** What an audit event changed, as key: before → after pairs (only the keys that differ). */
export function changesOf(before: unknown, after: unknown): Change[] {
  const b = asObject(before);
  const a = asObject(after);
  if (b && a) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .map((k) => ({ key: k, from: b[k], to: a[k] }));
  }
  if (a) return SUMMARY_KEYS.filter((k) => a[k] != null).map((k) => ({ key: k, to: a[k] }));
  if (b) return SUMMARY_KEYS.filter((k) => b[k] != null).map((k) => ({ key: k, from: b[k] }));
  return [];
}
