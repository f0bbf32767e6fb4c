import { Badge, Table, Text } from '@mantine/core';
import { formatCount, formatDateTime } from '../../../lib/format';
import { rungName } from '../../../lib/ladder-words';
import { useMoney } from '../../../lib/money';
import { type ReadinessRow, readinessOf } from '../types';

/** Every readiness check recorded for the offer, newest first; the newest per rung is the one the gate reads. */
export function ReadinessHistory({ checks }: { checks: ReadinessRow[] }) {
  const money = useMoney();
  if (checks.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="readiness-history-empty">
        No readiness check recorded yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table verticalSpacing="xs" fz="sm" data-testid="readiness-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Rung</Table.Th>
            <Table.Th ta="right">Price − discount</Table.Th>
            <Table.Th ta="right">Costs</Table.Th>
            <Table.Th ta="right">Margin</Table.Th>
            <Table.Th ta="right">Volume / capacity</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((check) => {
            const { inputs: i, assessment: a } = readinessOf(check);
            return (
              <Table.Tr key={check.id} data-testid="readiness-row" data-passed={check.passed} data-rung={check.rung}>
                <Table.Td>
                  <Text size="sm">{formatDateTime(check.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    {check.checkedByEmail ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{rungName(check.rung)}</Table.Td>
                <Table.Td ta="right">
                  {money(i.price)} − {+(i.discount * 100).toFixed(2)}%
                </Table.Td>
                <Table.Td ta="right">
                  {money(i.unitCost)} + {money(i.fulfilmentCost)}
                </Table.Td>
                <Table.Td
                  ta="right"
                  c={a.marginPerConversion > 0 ? undefined : 'red'}
                  data-testid="readiness-row-margin"
                >
                  {money(a.marginPerConversion)}
                </Table.Td>
                <Table.Td ta="right">
                  {formatCount(i.expectedVolumePerMonth)} / {formatCount(i.capacityPerMonth)}
                </Table.Td>
                <Table.Td maw={320}>
                  <Badge color={check.passed ? 'teal' : 'red'} variant="light">
                    {check.passed ? 'Passed' : 'Failed'}
                  </Badge>
                  {a.failures.map((f) => (
                    <Text key={f} size="xs" c="red">
                      {f.charAt(0).toUpperCase() + f.slice(1)}.
                    </Text>
                  ))}
                  {i.notes && (
                    <Text size="xs" c="dimmed">
                      “{i.notes}”
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
