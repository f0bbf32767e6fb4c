import { Stack, Table, Text, Title } from '@mantine/core';
import { horizonValue, type Roadmap, type RoadmapHypothesis } from '@uplift/domain';
import { formatRoi } from '../../lib/format';
import type { Labels } from './use-roadmap';

interface Props {
  roadmap: Roadmap;
  hypotheses: RoadmapHypothesis[];
  labels: Labels;
  horizonMonths: number;
}

const signed = (value: number) => (
  <Text size="sm" fw={600} c={value >= 0 ? 'teal.7' : 'red.7'} span>
    {formatRoi(value)}
  </Text>
);

/**
 * Each planned idea's ROI beside its value within the horizon once the wait for its test is counted (domain
 * horizonValue). The order is the plan's priority order: the value is shown, never used to rank.
 */
export function RoadmapValues({ roadmap, hypotheses, labels, horizonMonths }: Props) {
  if (roadmap.scheduled.length === 0) return null;
  const byId = new Map(hypotheses.map((h) => [h.id, h]));
  return (
    <Stack gap={4} data-testid="roadmap-values">
      <Title order={4}>Planned tests and their value within {horizonMonths} months</Title>
      <Text size="xs" c="dimmed">
        An idea earns only once its test ends: value within the horizon = (monthly gain × max(0, H − end week × 12/52) −
        cost) / cost, with H = {horizonMonths} months. Shown beside the ROI (both calibrated when the workspace has a
        calibration); the order stays by priority.
      </Text>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Test</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th ta="right">Weeks</Table.Th>
              <Table.Th ta="right">ROI</Table.Th>
              <Table.Th ta="right">Value within horizon</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roadmap.scheduled.map((s) => {
              const h = byId.get(s.id);
              const label = labels[s.id];
              const value =
                h && label
                  ? horizonValue({
                      expectedMonthlyGain: h.expectedMonthlyGain,
                      cost: label.cost,
                      horizonMonths,
                      endWeek: s.endWeek,
                    })
                  : null;
              return (
                <Table.Tr key={s.id} data-testid="roadmap-value-row" data-id={s.id}>
                  <Table.Td>{label?.title ?? s.id}</Table.Td>
                  <Table.Td>{s.channel.toLowerCase()}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {s.startWeek}–{s.endWeek}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="cell-roi">
                    {h ? signed(h.roi) : '—'}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="cell-horizon-value" data-value={value ?? ''}>
                    {value === null ? '—' : signed(value)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
