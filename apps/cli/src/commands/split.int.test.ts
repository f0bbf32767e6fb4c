import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@uplift/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

// `uplift split` against the real database: the experiment's scope comes from its row, as a scoped promotion
// wrote it, and the CLI keeps only the rows of its segments.
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
const db = createDb(process.env.DATABASE_URL, 2);
const dir = mkdtempSync(join(tmpdir(), 'uplift-split-scope-'));
const slug = `split-scope-${randomUUID().slice(0, 8)}`;
const key = `welcome-banner-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  const ws = await db.workspace.create({ data: { slug, name: slug, horizonMonths: 12 } });
  const author = await db.user.create({ data: { id: randomUUID(), email: `${slug}@test.local`, name: 'Author' } });
  const h = await db.hypothesis.create({
    data: {
      workspaceId: ws.id,
      authorId: author.id,
      title: 'Welcome gift',
      statement: 'A gift lifts first orders.',
      funnelStage: 'RETENTION',
      segment: 'New customers',
      offer: 'Gift',
      status: 'APPROVED',
      reachPerMonth: 1000,
      baselineRate: 0.05,
      expectedLift: 0.1,
      valuePerConversion: 40,
      confidence: 0.5,
      cost: 100,
      horizonMonths: 12,
      expectedMonthlyGain: 20,
      expectedGain: 240,
      roi: 1.4,
    },
  });
  await db.experiment.create({
    data: {
      workspaceId: ws.id,
      hypothesisId: h.id,
      key,
      name: key,
      channel: 'BANNER',
      status: 'RUNNING',
      seed: key,
      variants: [
        { key: 'control', name: 'Control', weight: 0.5 },
        { key: 'gift', name: 'Gift', weight: 0.5 },
      ],
      metrics: { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] },
      analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'holm' },
      plannedUsers: 1000,
      segmentAttribute: 'device',
      scopeSegments: ['mobile'],
    },
  });
});
afterAll(async () => {
  await db.workspace.delete({ where: { slug } });
  await db.user.deleteMany({ where: { email: `${slug}@test.local` } });
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('uplift split of a scoped experiment (database)', { timeout: 60_000 }, () => {
  it('needs --segment-column, then keeps the rows of its segments only and counts the rest', () => {
    const file = join(dir, 'list.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `u${i}@example.com,${i % 4 === 0 ? 'mobile' : 'desktop'}`);
    writeFileSync(file, `email,device\n${rows.join('\n')}\n`);
    const refused = runCli(['split', '--experiment', key, '--workspace', slug, file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('reaches device mobile only: give --segment-column NAME');
    const run = runCli(['split', '--experiment', key, '--workspace', slug, '--segment-column', 'device', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/left out +30 rows {2}\(outside the scope: device mobile only\)/);
    const kept = ['control', 'gift'].flatMap((v) =>
      readFileSync(join(dir, `list.${v}.csv`), 'utf8')
        .trim()
        .split('\n')
        .slice(1),
    );
    expect(kept).toHaveLength(10);
    expect(kept.every((row) => row.endsWith(',mobile'))).toBe(true);
  });
});
