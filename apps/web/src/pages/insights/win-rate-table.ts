import { formatCount, formatRate, humanize } from '../../lib/format';
import type { Figures, FigureTableData } from './types';

type Rate = Figures['calibration']['winRate'];
const percent = (x: number) => formatRate(Math.round(x * 100) / 100);

const line = (by: string, group: string, r: Rate) => [
  by,
  group,
  formatCount(r.n),
  formatCount(r.wins),
  r.rate === null ? '—' : percent(r.rate),
  percent(r.mean),
  `${percent(r.low)} – ${percent(r.high)}`,
];

/** Win rates of the workspace, each funnel stage and each channel: observed, posterior mean, 90% interval. */
export function winRateTable(figures: Figures): FigureTableData {
  const c = figures.calibration;
  return {
    columns: ['By', 'Group', 'Tests (n)', 'Wins', 'Observed', 'Posterior mean', '90% interval'],
    rows: [
      line('Workspace', 'All tests', c.winRate),
      ...c.winRateByStage.map((r) => line('Stage', humanize(r.group), r)),
      ...c.winRateByChannel.map((r) => line('Channel', humanize(r.group), r)),
    ],
  };
}
