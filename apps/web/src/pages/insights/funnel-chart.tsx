import { BarChart } from '@mantine/charts';
import { humanize } from '../../lib/format';
import { formatConversion } from './funnel-words';
import type { Figures } from './types';

/** Each stage's conversion before and after its rolled-out wins (stages without data are left out). */
export function FunnelChart({ funnel }: { funnel: Figures['funnel'] }) {
  const data = funnel.stages.flatMap((s) =>
    s.conversion === null ? [] : [{ stage: humanize(s.stage), before: s.conversion, after: s.conversionAfter ?? 0 }],
  );
  return (
    <BarChart
      h={300}
      data={data}
      dataKey="stage"
      series={[
        { name: 'before', label: 'Conversion before', color: 'gray.5' },
        { name: 'after', label: 'Conversion after the rolled-out wins', color: 'teal.6' },
      ]}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      valueFormatter={formatConversion}
    />
  );
}
