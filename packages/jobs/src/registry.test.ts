import { describe, expect, it } from 'vitest';
import { JOBS, ZJobProgress } from './registry';

describe('JOBS', () => {
  it('parses each payload and drops fields it does not know', () => {
    expect(JOBS['experiment.evaluate'].parse({ experimentId: 'e1', extra: true })).toEqual({ experimentId: 'e1' });
    expect(JOBS['webhook.deliver'].parse({ deliveryId: 'd1' })).toEqual({ deliveryId: 'd1' });
    expect(JOBS['experiment.reconcile'].parse({ stray: 1 })).toEqual({});
    expect(JOBS['location.plan'].parse({ planId: 'p1' })).toEqual({ planId: 'p1' });
    expect(JOBS['roadmap.recompute'].parse({ workspaceId: 'w1', at: 1 })).toEqual({ workspaceId: 'w1' });
  });

  it('rejects empty ids and horizons outside 1–120 months', () => {
    expect(JOBS['experiment.evaluate'].safeParse({ experimentId: '' }).success).toBe(false);
    expect(JOBS['webhook.deliver'].safeParse({}).success).toBe(false);
    expect(JOBS['location.plan'].safeParse({ planId: '' }).success).toBe(false);
    expect(JOBS['roadmap.recompute'].safeParse({ workspaceId: '' }).success).toBe(false);
    const rescore = (horizonMonths: number) =>
      JOBS['backlog.rescore'].safeParse({ workspaceId: 'w', horizonMonths }).success;
    expect([0, 1, 120, 121, 1.5].map(rescore)).toEqual([false, true, true, false, false]);
  });

  it('reports progress as whole numbers', () => {
    expect(ZJobProgress.safeParse({ done: 1, total: 2 }).success).toBe(true);
    expect(ZJobProgress.safeParse({ done: 0.5, total: 2 }).success).toBe(false);
  });
});
