import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { useCurrency } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { ChartSlot } from './chart-slot';
import { FigureBlock } from './figure-block';
import { FigureTable } from './figure-table';
import { endToEndSentence, funnelTable } from './funnel-words';
import { pnlOfferTable, pnlQuarterTable, pnlTotalTable } from './pnl-tables';
import type { Figures } from './types';
import { winRateTable } from './win-rate-table';

const FunnelChart = lazy(() => import('./funnel-chart').then((m) => ({ default: m.FunnelChart })));

/** Win rates, the P&L and the funnel: the tables (each with its CSV export) and the funnel chart. */
export function InsightsTableBlocks({ figures }: { figures: Figures }) {
  const trpc = useTRPC();
  const currency = useCurrency();
  // Offer names come from the ladder; until it answers, the P&L shows the offers' ids.
  const board = useQuery(trpc.ladder.board.queryOptions());
  const names = new Map((board.data?.offers ?? []).map((o) => [o.id, o.name]));
  return (
    <>
      <FigureBlock
        title="Win rate"
        explanation="How often tests win, overall, per funnel stage and per channel. The posterior mean and 90% interval allow for luck: with few tests the interval is wide."
        testId="insights-winrates"
      >
        <FigureTable name="winrates" table={winRateTable(figures)} numericFrom={2} />
      </FigureBlock>
      <FigureBlock
        title="Profit and loss"
        explanation="What tests cost (whatever their outcome) against what their rolled-out wins have earned to date; ROI = net / cost."
        testId="insights-pnl-total"
      >
        <FigureTable name="pnl-total" table={pnlTotalTable(figures, currency)} />
      </FigureBlock>
      <FigureBlock
        title="P&L by quarter"
        explanation="The same figures per quarter in which the tests ended, per channel and funnel stage."
        testId="insights-pnl-quarter"
      >
        <FigureTable name="pnl-quarter" table={pnlQuarterTable(figures, currency)} numericFrom={3} />
      </FigureBlock>
      <FigureBlock
        title="P&L by offer"
        explanation="What each offer on the channel ladder cost and earned on each rung it was tested on, then in total."
        testId="insights-pnl-offer"
      >
        <FigureTable name="pnl-offer" table={pnlOfferTable(figures, names, currency)} numericFrom={2} />
      </FigureBlock>
      <FigureBlock
        title="Funnel"
        explanation="Each stage’s conversion before and after its rolled-out wins; the cumulative lift multiplies the wins of a stage."
        testId="insights-funnel"
      >
        <ChartSlot>
          <FunnelChart funnel={figures.funnel} />
        </ChartSlot>
        <Text size="sm" data-testid="insights-funnel-end-to-end">
          {endToEndSentence(figures.funnel)}
        </Text>
        <FigureTable name="funnel" table={funnelTable(figures.funnel)} />
      </FigureBlock>
    </>
  );
}
