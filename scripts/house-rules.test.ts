import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The house's structural rules (../shared/STYLE.md, issue 9), checked on every `npm test`. Import cycles are
// biome's `noImportCycles` (lint); these are the two rules no linter here knows.
const ROOT = join(import.meta.dirname, '..');
const SKIP = /(^|\/)(node_modules|dist|generated)(\/|$)/;
const TEST = /\.(test|int\.test|browser\.test)\.tsx?$/;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((p) => !SKIP.test(p) && !TEST.test(p) && !p.includes('/testing/'));
}
const all = [...sources('apps'), ...sources('packages')];

/** Prisma's model accessors, from the schema: `.experiment.findMany(` and the like. */
const models = [
  ...readFileSync(join(ROOT, 'packages/db/prisma/schema.prisma'), 'utf8').matchAll(/^model\s+(\w+)/gm),
].map((m) => (m[1] as string)[0]?.toLowerCase() + (m[1] as string).slice(1));
const methods =
  'findMany|findUnique|findFirst|findUniqueOrThrow|findFirstOrThrow|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy';
const PRISMA = [
  new RegExp(`\\.(${models.join('|')})\\s*\\.\\s*(${methods})\\s*\\(`),
  /\$(transaction|queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)\b/,
  /from\s+['"](@prisma\/client|\.prisma|@prisma\/adapter-pg)['"]/,
];

describe('house rules', () => {
  it('finds the sources it checks', () => {
    expect(models).toContain('experiment');
    expect(all.length).toBeGreaterThan(100);
  });

  it('only packages/db touches Prisma', () => {
    const offenders = all
      .filter((p) => !p.startsWith('packages/db/'))
      .flatMap((p) =>
        readFileSync(join(ROOT, p), 'utf8')
          .split('\n')
          .flatMap((line, i) => (PRISMA.some((re) => re.test(line)) ? [`${p}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps source files short (tests, generated code and the demo seed aside)', () => {
    const long = all
      .filter((p) => !/(^|\/)seed[^/]*\.ts$/.test(p))
      .map((p) => ({ p, lines: readFileSync(join(ROOT, p), 'utf8').split('\n').length }))
      .filter((f) => f.lines > 220)
      .map((f) => `${f.p} (${f.lines} lines)`);
    expect(long).toEqual([]);
  });
});
