import { randomUUID } from 'node:crypto';
import { type BacklogOrderKey, compareBacklogOrder, HYPOTHESIS_STATUSES, mulberry32 } from '@uplift/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../client';
import { rerankBacklog } from './hypotheses';

const db = createDb(process.env.DATABASE_URL, 3);
afterAll(() => db.$disconnect());

/** A seeded generator, so a failing case can be replayed. */
const random = mulberry32;
const ID_CHARS = 'ABCZabcz019_-';

describe('rerankBacklog and compareBacklogOrder', () => {
  it('store the same order for random backlogs with ties, pins and every status', async () => {
    const ws = await db.workspace.create({ data: { slug: `order-${randomUUID().slice(0, 8)}`, name: 'Order' } });
    const authorId = randomUUID();
    await db.user.create({ data: { id: authorId, email: `${authorId}@test.local`, name: 'Author' } });
    const next = random(20261122);
    const pickOf = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
    const base = Date.parse('2026-01-01T00:00:00Z');
    const rows: BacklogOrderKey[] = Array.from({ length: 600 }, (_, i) => ({
      // Short ids of mixed case and punctuation: the last tie-break is byte order, not the locale's.
      id: `${Array.from({ length: 1 + Math.floor(next() * 3) }, () => pickOf([...ID_CHARS])).join('')}${i}`,
      status: pickOf(HYPOTHESIS_STATUSES),
      pinnedRank: next() < 0.2 ? pickOf([1, 2, 3, 1000]) : null,
      roi: pickOf([-1, -0.25, 0, 0.5, 1.5, 1.5000001, 3]),
      createdAt: new Date(base + pickOf([0, 0, 1, 1000, 86_400_000])),
    }));
    await db.hypothesis.createMany({
      data: rows.map((r) => ({
        ...r,
        workspaceId: ws.id,
        authorId,
        title: r.id,
        statement: 's',
        funnelStage: 'LANDING' as const,
        segment: 'all',
        offer: 'o',
        reachPerMonth: 1000,
        baselineRate: 0.05,
        expectedLift: 0.1,
        valuePerConversion: 10,
        confidence: 0.5,
        cost: 100,
        horizonMonths: 12,
        expectedMonthlyGain: 0,
        expectedGain: 0,
      })),
    });

    await rerankBacklog(db, ws.id);

    const stored = await db.hypothesis.findMany({
      where: { workspaceId: ws.id },
      orderBy: { backlogOrder: 'asc' },
      select: { id: true },
    });
    expect(stored.map((h) => h.id)).toEqual([...rows].sort(compareBacklogOrder).map((h) => h.id));
  });
});
