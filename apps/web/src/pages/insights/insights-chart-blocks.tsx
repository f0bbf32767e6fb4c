import { Text } from '@mantine/core';
import { lazy } from 'react';
import { formatCount, formatRate } from '../../lib/format';
import { brierWords } from './brier-words';
import { ChartSlot } from './chart-slot';
import { FigureBlock } from './figure-block';
import type { Figures } from './types';

// recharts is heavy: the charts load after the page, in their own chunk.
const GainChart = lazy(() => import('./gain-chart').then((m) => ({ default: m.GainChart })));
const LiftScatter = lazy(() => import('./lift-scatter').then((m) => ({ default: m.LiftScatter })));
const ReliabilityChart = lazy(() => import('./reliability-chart').then((m) => ({ default: m.ReliabilityChart })));

const ratioWords = (ratio: number | null) =>
  ratio === null
    ? 'Not enough tests yet to say how realised lifts compare with expected ones.'
    : `Across all tests, realised lifts came to ${formatRate(Math.round(ratio * 100) / 100)} of what their authors expected.`;

/** The three charts of what tests earned and how well the team predicts: gain, lift scatter, reliability. */
export function InsightsChartBlocks({ figures }: { figures: Figures }) {
  const c = figures.calibration;
  return (
    <>
      <FigureBlock
        title="Cumulative realised gain"
        explanation="What rolled-out wins have earned so far, month by month, stacked by channel. Only wins that were rolled out earn."
        testId="insights-gain-chart"
      >
        <ChartSlot>
          <GainChart points={figures.gainOverTime} />
        </ChartSlot>
      </FigureBlock>
      <FigureBlock
        title="Predicted vs realised lift"
        explanation="One dot per completed test: the lift its author expected (across) against the lift it delivered after shrinking for luck (up). Dots below the dashed line did worse than predicted."
        testId="insights-scatter"
      >
        <ChartSlot>
          <LiftScatter experiments={figures.experiments} />
        </ChartSlot>
        <Text size="sm">{ratioWords(c.liftRatio)}</Text>
      </FigureBlock>
      <FigureBlock
        title="Are the confidences right?"
        explanation="Tests grouped by the confidence their author gave, against how many of them won. A well-calibrated team sits on the dashed line."
        testId="insights-reliability"
      >
        <ChartSlot>
          <ReliabilityChart buckets={c.buckets} />
        </ChartSlot>
        <Text size="sm" data-testid="insights-reliability-buckets">
          {c.buckets
            .filter((b) => b.n > 0)
            .map((b) => `${formatRate(b.from)}–${formatRate(b.to)}: ${b.wins} of n = ${formatCount(b.n)} won`)
            .join(' · ')}
        </Text>
        <Text size="sm" data-testid="insights-brier">
          {brierWords(c.brier)}
        </Text>
      </FigureBlock>
    </>
  );
}
