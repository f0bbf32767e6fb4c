import { formatCount, formatRate, humanize } from '../../lib/format';
import type { Figures, FigureTableData } from './types';

type Funnel = Figures['funnel'];

/** A conversion as people read it: a percentage, or "1 in 1,700,000" (two significant digits) once too small for one. */
export function formatConversion(fraction: number | null): string {
  if (fraction === null) return '—';
  if (fraction > 0 && fraction < 0.0001) return `1 in ${formatCount(Number((1 / fraction).toPrecision(2)))}`;
  return formatRate(fraction);
}

const SOURCE = { entered: 'reported traffic', control: 'tests’ control groups' } as const;

/** Per stage: its conversion before, the cumulative lift of its rolled-out wins, and the conversion after. */
export const funnelTable = (funnel: Funnel): FigureTableData => ({
  columns: ['Stage', 'Tests', 'Wins', 'Conversion before', 'Cumulative lift', 'Conversion after', 'Conversion from'],
  rows: funnel.stages.map((s) => [
    humanize(s.stage),
    formatCount(s.tests),
    formatCount(s.wins),
    formatConversion(s.conversion),
    `×${s.cumulativeLift.toFixed(2)}`,
    formatConversion(s.conversionAfter),
    s.conversionSource ? SOURCE[s.conversionSource] : 'no data',
  ]),
});

/** End to end in one sentence, naming the stages left out for want of data. */
export function endToEndSentence({ endToEnd: e }: Funnel): string {
  if (e.before === null || e.after === null)
    return 'No stage has conversion data yet, so there is no end-to-end figure.';
  const times = e.before > 0 ? ` (×${(e.after / e.before).toFixed(2)})` : '';
  const missing = e.stagesWithoutData.length
    ? `, over the stages with data (without ${e.stagesWithoutData.map(humanize).join(', ')})`
    : '';
  return `End to end, ${formatConversion(e.before)} converted before the rolled-out wins and ${formatConversion(e.after)} after${times}${missing}.`;
}
