import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { SequentialLook } from '@uplift/domain';

const two = (value: number) => value.toFixed(2);

/**
 * The group-sequential boundary of a location test, ±c_k for each planned weekly look, and where the DiD's z
 * stands this week: a dot outside the band is a WIN (above) or LOSS (below); inside, the test runs on.
 */
export function LocationBoundaryChart({ sequential: s }: { sequential: SequentialLook }) {
  const data = s.boundaries.map((c, i) => ({ week: `week ${i + 1}`, upper: c, lower: -c }));
  const at = `week ${Math.min(Math.max(s.look, 1), s.plannedWeeks)}`;
  return (
    <>
      <LineChart
        h={220}
        data={data}
        dataKey="week"
        series={[
          { name: 'upper', color: 'green.6', label: 'WIN boundary' },
          { name: 'lower', color: 'red.6', label: 'LOSS boundary' },
        ]}
        curveType="linear"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={two}
        referenceLines={[{ y: 0, color: 'dark.3' }]}
        referenceDots={
          s.z === null
            ? []
            : [{ x: at, y: s.z, r: 6, color: 'dark.7', label: `z = ${two(s.z)}`, ifOverflow: 'extendDomain' }]
        }
        data-testid="location-boundary-chart"
      />
      <Text size="xs" c="dimmed" data-testid="location-boundary-text">
        Week {s.look} of {s.plannedWeeks}: {s.z === null ? 'no statistic yet' : `|z| = ${two(Math.abs(s.z))}`} against
        the boundary {two(s.boundary)}. The boundary is strict early and eases each week, so looking every week keeps
        false WIN/LOSS calls at the test's α (O'Brien–Fleming-type alpha spending).
      </Text>
    </>
  );
}
