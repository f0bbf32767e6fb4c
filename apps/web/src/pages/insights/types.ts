import type { RouterOutputs } from '@uplift/api';

/** What insights.get answers once the worker has computed the figures. */
export type InsightsResult = NonNullable<RouterOutputs['insights']['get']>;
export type Figures = InsightsResult['figures'];

/** A table as the page shows it and as its CSV export writes it: the same strings in both. */
export interface FigureTableData {
  columns: string[];
  rows: string[][];
}
