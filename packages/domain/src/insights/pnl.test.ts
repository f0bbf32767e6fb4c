import { describe, expect, it } from 'vitest';
import { type PnlTest, pnlByOffer, pnlByQuarter, pnlLine, portfolioPnl, quarterOf } from './pnl';

const test = (over: Partial<PnlTest>): PnlTest => ({
  workspaceId: 'w1',
  endedAt: new Date('2026-02-10T00:00:00Z'),
  channel: 'EMAIL',
  stage: 'LANDING',
  offerId: null,
  currency: null,
  won: false,
  cost: 1_000,
  gainToDate: 0,
  ...over,
});

describe('quarterOf', () => {
  it('names the UTC calendar quarter', () => {
    expect(quarterOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026-Q2');
    expect(quarterOf(new Date('2025-12-31T12:00:00Z'))).toBe('2025-Q4');
  });
});

describe('pnlLine', () => {
  it('sums tests, cost, wins and gain; net = gain − cost; ROI = net/cost', () => {
    const line = pnlLine([test({ won: true, gainToDate: 3_000 }), test({})]);
    expect(line).toEqual({ testsRun: 2, cost: 2_000, wins: 1, gainToDate: 3_000, net: 1_000, roi: 0.5 });
  });

  it('has no ROI when nothing was spent (and for no tests)', () => {
    expect(pnlLine([])).toEqual({ testsRun: 0, cost: 0, wins: 0, gainToDate: 0, net: 0, roi: null });
  });
});

describe('pnlByQuarter', () => {
  it('groups by quarter of the end, channel and stage, oldest quarter first, channels and stages in their order', () => {
    const rows = pnlByQuarter([
      test({ won: true, gainToDate: 3_000 }),
      test({ channel: 'BANNER', stage: 'AD', cost: 500 }),
      test({}),
      test({ stage: 'AD' }),
      test({ endedAt: new Date('2025-11-01T00:00:00Z'), channel: 'BANNER' }),
    ]);
    expect(rows.map((r) => [r.quarter, r.channel, r.stage, r.testsRun, r.net])).toEqual([
      ['2025-Q4', 'BANNER', 'LANDING', 1, -1_000],
      ['2026-Q1', 'EMAIL', 'AD', 1, -1_000],
      ['2026-Q1', 'EMAIL', 'LANDING', 2, 1_000],
      ['2026-Q1', 'BANNER', 'AD', 1, -500],
    ]);
  });
});

describe('pnlByOffer', () => {
  it('lists what each offer earned on each rung (channel) and in total; tests outside the ladder are left out', () => {
    const rows = pnlByOffer([
      test({ offerId: 'o1', channel: 'BANNER', won: true, gainToDate: 4_000 }),
      test({ offerId: 'o1', channel: 'EMAIL', won: true, gainToDate: 2_500 }),
      test({ offerId: 'o1', channel: 'EMAIL' }),
      test({}),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.offerId).toBe('o1');
    expect(rows[0]?.total).toEqual({
      testsRun: 3,
      cost: 3_000,
      wins: 2,
      gainToDate: 6_500,
      net: 3_500,
      roi: 3_500 / 3_000,
    });
    expect(rows[0]?.rungs.map((r) => [r.channel, r.testsRun, r.net])).toEqual([
      ['EMAIL', 2, 500],
      ['BANNER', 1, 3_000],
    ]);
  });
});

describe('portfolioPnl', () => {
  it('sums the workspaces per currency; workspaces without one form one bucket', () => {
    const rows = portfolioPnl([
      test({ workspaceId: 'w1', currency: 'EUR', won: true, gainToDate: 5_000 }),
      test({ workspaceId: 'w2', currency: 'EUR' }),
      test({ workspaceId: 'w3' }),
      test({ workspaceId: 'w4' }),
    ]);
    expect(rows).toEqual([
      { currency: 'EUR', workspaces: 2, testsRun: 2, cost: 2_000, wins: 1, gainToDate: 5_000, net: 3_000, roi: 1.5 },
      { currency: null, workspaces: 2, testsRun: 2, cost: 2_000, wins: 0, gainToDate: 0, net: -2_000, roi: -1 },
    ]);
    expect(portfolioPnl([])).toEqual([]);
  });
});
