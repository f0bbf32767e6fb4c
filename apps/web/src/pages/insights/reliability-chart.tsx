import { ScatterChart } from '@mantine/charts';
import { formatRate } from '../../lib/format';
import type { Figures } from './types';

type Bucket = Figures['calibration']['buckets'][number];

const whole = (x: number) => formatRate(Math.round(x * 100) / 100);

/** Confidence bucket midpoints against the share of their tests that won; on the diagonal = well calibrated. */
export function ReliabilityChart({ buckets }: { buckets: Bucket[] }) {
  const points = buckets
    .filter((b) => b.n > 0)
    .map((b) => ({ confidence: (b.from + b.to) / 2, won: b.wins / b.n, n: b.n }));
  return (
    <ScatterChart
      h={300}
      data={[{ name: 'Tests in the bucket', color: 'indigo.6', data: points }]}
      dataKey={{ x: 'confidence', y: 'won' }}
      labels={{ x: 'Author’s confidence', y: 'Share that won' }}
      valueFormatter={whole}
      xAxisProps={{ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] }}
      yAxisProps={{ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] }}
      referenceLines={[
        {
          segment: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
          color: 'dark.3',
          label: 'perfectly calibrated',
          strokeDasharray: '4 4',
        },
      ]}
    />
  );
}
