import { formatCount, formatRoi, humanize } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import type { Figures, FigureTableData } from './types';

type Line = Figures['pnl']['total'];

const MONEY = ['Tests run', 'Cost', 'Wins', 'Gain to date', 'Net', 'ROI'];
const money = (l: Line, currency: string | null) => [
  formatCount(l.testsRun),
  formatMoney(l.cost, currency),
  formatCount(l.wins),
  formatMoney(l.gainToDate, currency),
  formatMoney(l.net, currency),
  l.roi === null ? '—' : formatRoi(l.roi),
];

/** Everything the team's tests cost and earned so far, in one line. */
export const pnlTotalTable = (figures: Figures, currency: string | null = null): FigureTableData => ({
  columns: ['Period', ...MONEY],
  rows: [['All time', ...money(figures.pnl.total, currency)]],
});

/** P&L per quarter (of the test's end), channel and funnel stage. */
export const pnlQuarterTable = (figures: Figures, currency: string | null = null): FigureTableData => ({
  columns: ['Quarter', 'Channel', 'Stage', ...MONEY],
  rows: figures.pnl.byQuarter.map((q) => [q.quarter, humanize(q.channel), humanize(q.stage), ...money(q, currency)]),
});

/** Each ladder offer's rungs, then its total; `names` maps offer ids to names where the ladder knows them. */
export const pnlOfferTable = (
  figures: Figures,
  names: ReadonlyMap<string, string>,
  currency: string | null = null,
): FigureTableData => ({
  columns: ['Offer', 'Rung', ...MONEY],
  rows: figures.pnl.byOffer.flatMap((o) => {
    const name = names.get(o.offerId) ?? o.offerId;
    return [
      ...o.rungs.map((r) => [name, humanize(r.channel), ...money(r, currency)]),
      [name, 'All rungs', ...money(o.total, currency)],
    ];
  }),
});
