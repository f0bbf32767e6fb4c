import { describe, expect, it } from 'vitest';
import { type BacklogOrderKey, compareBacklogOrder } from './backlog-order';

const at = new Date('2026-01-01T00:00:00Z');
const item = (over: Partial<BacklogOrderKey>): BacklogOrderKey => ({
  id: 'b',
  status: 'SUBMITTED',
  pinnedRank: null,
  roi: 1,
  createdAt: at,
  ...over,
});
const order = (...items: BacklogOrderKey[]) => [...items].sort(compareBacklogOrder).map((h) => h.id);

describe('compareBacklogOrder', () => {
  it('puts every ranked status (DRAFT, SUBMITTED, APPROVED, TESTING) before the closed ones', () => {
    const closed = item({ id: 'closed', status: 'WON', roi: 99, pinnedRank: 1 });
    for (const status of ['DRAFT', 'SUBMITTED', 'APPROVED', 'TESTING'] as const) {
      expect(order(closed, item({ id: 'open', status, roi: -5 }))).toEqual(['open', 'closed']);
    }
  });

  it('orders pins ascending above every unpinned item, whatever its ROI', () => {
    expect(
      order(item({ id: 'free', roi: 1e9 }), item({ id: 'pin2', pinnedRank: 2 }), item({ id: 'pin1', pinnedRank: 1 })),
    ).toEqual(['pin1', 'pin2', 'free']);
  });

  it('then ROI descending, negative ROI last', () => {
    expect(order(item({ id: 'low', roi: -0.5 }), item({ id: 'high', roi: 2 }), item({ id: 'zero', roi: 0 }))).toEqual([
      'high',
      'zero',
      'low',
    ]);
  });

  it('breaks an ROI tie by age (older first), then by id byte order', () => {
    const later = new Date(at.getTime() + 1);
    expect(order(item({ id: 'a', createdAt: later }), item({ id: 'z' }))).toEqual(['z', 'a']);
    // "C" collation: upper case before lower case, shorter prefix first.
    expect(order(item({ id: 'b' }), item({ id: 'B' }), item({ id: 'ba' }))).toEqual(['B', 'b', 'ba']);
  });

  it('orders the closed statuses among themselves by the same keys', () => {
    expect(
      order(item({ id: 'lost', status: 'LOST', roi: 1 }), item({ id: 'won', status: 'ARCHIVED', roi: 3 })),
    ).toEqual(['won', 'lost']);
  });

  it('is zero only for the same key', () => {
    expect(compareBacklogOrder(item({}), item({}))).toBe(0);
  });
});
