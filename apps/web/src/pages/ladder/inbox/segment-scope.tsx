import { Checkbox, Stack, Table, Text } from '@mantine/core';
import type { SegmentWin } from '@uplift/domain';
import { formatLift, formatPValue } from '../../../lib/format';

interface Props {
  wins: SegmentWin[];
  /** Segments the step is limited to; empty = everyone. */
  value: string[];
  onChange: (segments: string[]) => void;
  /** Only an open proposal's scope can be narrowed, and only by someone who decides. */
  editable: boolean;
  /** The proposal itself is limited to segments (no overall win): at least one must stay. */
  scoped: boolean;
}

/** The segments where the offer won, with p-values corrected across segments; ticking them limits the step. */
export function SegmentScope({ wins, value, onChange, editable, scoped }: Props) {
  const toggle = (segment: string, on: boolean) =>
    onChange(on ? [...value, segment] : value.filter((s) => s !== segment));
  return (
    <Stack gap={4} data-testid="segment-scope">
      <Text size="sm" fw={500}>
        {scoped ? 'Won only in these segments' : 'Segments where it won'}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th>Segment</Table.Th>
            <Table.Th ta="right">Lift</Table.Th>
            <Table.Th ta="right">p</Table.Th>
            <Table.Th ta="right">p, corrected</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {wins.map((w) => (
            <Table.Tr key={w.segment} data-testid="segment-win" data-segment={w.segment}>
              <Table.Td>
                <Checkbox
                  aria-label={`Limit the step to ${w.segment}`}
                  checked={value.includes(w.segment)}
                  disabled={!editable}
                  onChange={(e) => toggle(w.segment, e.currentTarget.checked)}
                  data-testid="segment-check"
                />
              </Table.Td>
              <Table.Td>{w.segment}</Table.Td>
              <Table.Td ta="right">{formatLift(w.estimate)}</Table.Td>
              <Table.Td ta="right">{formatPValue(w.pValue)}</Table.Td>
              <Table.Td ta="right">{formatPValue(w.adjustedPValue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" data-testid="segment-scope-summary">
        {value.length
          ? `The step applies to ${value.join(', ')} only.`
          : scoped
            ? 'Tick at least one segment: there is no overall win to apply to everyone.'
            : 'The step applies to everyone; tick segments to limit it to them.'}
      </Text>
    </Stack>
  );
}
