/**
 * Seeded generators of malformed input for the fuzz tier (fuzz.int.test.ts): hostile scalars (NUL, year-0 dates,
 * numbers past INT4 or whose square overflows, huge and odd unicode strings), deep nesting, and mutations of a
 * valid body that replace, drop or add one field, so the bad value reaches the deeper rules too.
 */
import { mulberry32 } from '@uplift/domain';
export type Rng = () => number;

/** A seeded generator (the domain's mulberry32), so every run sends the same requests. */
export const seeded = (seed: number): Rng => mulberry32(seed);

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: [deep(depth - 1)] });

export const HOSTILE_SCALARS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  0.5,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  2 ** 53 + 1,
  1e200,
  1.3e154,
  -1e308,
  1e308,
  5e-324,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '0000-01-01T00:00:00Z',
  '0000-01-03',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30',
  '1e308',
  'NaN',
  '-1',
  'x'.repeat(100_000),
  '𝔘ñíçødé ‮ \uFEFF 🙂',
  '\uD800',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  [],
  {},
  [null],
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
];

/** A hostile value: a scalar from the list, or a deeply nested object or array. */
export function hostile(rng: Rng): unknown {
  const r = rng();
  if (r < 0.05) return deep(50 + Math.floor(rng() * 500));
  if (r < 0.08) return Array.from({ length: 2000 }, () => pick(rng, HOSTILE_SCALARS.slice(0, 27)));
  return pick(rng, HOSTILE_SCALARS);
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null;

/** Every path to a value inside `body` (objects and arrays included), the root being []. */
function paths(body: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (!isObject(body)) return here;
  return here.concat(...Object.entries(body).map(([k, v]) => paths(v, [...prefix, Array.isArray(body) ? +k : k])));
}

/** `valid` with one place replaced by a hostile value, dropped, or given an extra key; or a hostile body. */
export function mutate(rng: Rng, valid: Json): Json {
  if (rng() < 0.1) return hostile(rng);
  const body = structuredClone(valid);
  const all = paths(body).filter((p) => p.length > 0);
  const path = pick(rng, all);
  let parent = body as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  const r = rng();
  if (r < 0.15 && !Array.isArray(parent)) delete parent[last];
  else if (r < 0.2) parent[`extra${Math.floor(rng() * 10)}`] = hostile(rng);
  else parent[last] = hostile(rng);
  return body;
}

/** A hostile string for a path segment or query value (NUL and odd bytes percent-encoded). */
export function hostileText(rng: Rng): string {
  const v = hostile(rng);
  return typeof v === 'string' ? v.slice(0, 3000) : (JSON.stringify(v)?.slice(0, 3000) ?? 'undefined');
}
