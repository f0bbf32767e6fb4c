import { describe, expect, it } from 'vitest';
import { pnlOfferTable, pnlQuarterTable, pnlTotalTable } from './pnl-tables';
import type { Figures } from './types';
import { winRateTable } from './win-rate-table';

const line = { testsRun: 2, cost: 24_000, wins: 1, gainToDate: 36_000.4, net: 12_000.4, roi: 0.5 };
const rate = (group: string, wins: number, n: number) => ({
  group,
  wins,
  n,
  rate: wins / n,
  mean: 0.5,
  low: 0.1,
  high: 0.9,
});
// Only the parts the tables read; the rest of the figures does not matter to them.
const figures = {
  calibration: {
    winRate: { ...rate('', 3, 4), mean: 4 / 6 },
    winRateByStage: [rate('SALES_CALL', 1, 2)],
    winRateByChannel: [rate('EMAIL', 3, 4)],
  },
  pnl: {
    total: { ...line, roi: null },
    byQuarter: [{ quarter: '2026-Q1', channel: 'EMAIL', stage: 'PAYMENT', ...line }],
    byOffer: [{ offerId: 'o1', total: line, rungs: [{ channel: 'BANNER', ...line, roi: -1 }] }],
  },
} as unknown as Figures;

describe('Insights tables', () => {
  it('lists the workspace, then each stage and channel, with posterior mean and 90% interval', () => {
    const table = winRateTable(figures);
    expect(table.columns).toEqual(['By', 'Group', 'Tests (n)', 'Wins', 'Observed', 'Posterior mean', '90% interval']);
    expect(table.rows).toEqual([
      ['Workspace', 'All tests', '4', '3', '75%', '67%', '10% – 90%'],
      ['Stage', 'Sales call', '2', '1', '50%', '50%', '10% – 90%'],
      ['Channel', 'Email', '4', '3', '75%', '50%', '10% – 90%'],
    ]);
  });

  it('formats the P&L money, with a dash for an ROI without cost', () => {
    expect(pnlTotalTable(figures).rows).toEqual([['All time', '2', '24,000', '1', '36,000', '12,000', '—']]);
    expect(pnlQuarterTable(figures).rows).toEqual([
      ['2026-Q1', 'Email', 'Payment', '2', '24,000', '1', '36,000', '12,000', '+50%'],
    ]);
  });

  it('names offers where the ladder knows them, one line per rung then the total', () => {
    const rows = pnlOfferTable(figures, new Map([['o1', 'Free delivery']])).rows;
    expect(rows.map((r) => r.slice(0, 2).concat(r.at(-1) ?? ''))).toEqual([
      ['Free delivery', 'Banner', '-100%'],
      ['Free delivery', 'All rungs', '+50%'],
    ]);
    expect(pnlOfferTable(figures, new Map()).rows[0]?.[0]).toBe('o1');
  });
});
