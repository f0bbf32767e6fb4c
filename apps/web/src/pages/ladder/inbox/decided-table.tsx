import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useCurrency } from '../../../lib/money';
import { evidenceSentence, stepLabel } from '../evidence-words';
import { evidenceOf, type InboxPromotion } from '../types';

const STATUS_COLOR: Record<string, string> = { APPLIED: 'green', REJECTED: 'red' };

/** Decided proposals: what was applied or rejected, by whom, when and why. */
export function DecidedTable({ rows }: { rows: InboxPromotion[] }) {
  const currency = useCurrency();
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table verticalSpacing="sm" data-testid="decided-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Offer</Table.Th>
            <Table.Th>Step</Table.Th>
            <Table.Th>Evidence</Table.Th>
            <Table.Th>Decision</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id} data-testid="decided-row" data-promotion={p.id} data-status={p.status}>
              <Table.Td>
                <Anchor component={Link} to={`/ladder/offers/${encodeURIComponent(p.offer.id)}`} size="sm" fw={500}>
                  {p.offer.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{stepLabel(p)}</Text>
                {p.segments.length > 0 && (
                  <Text size="xs" c="dimmed">
                    for {p.segments.join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="xs">{evidenceSentence({ ...p, evidence: evidenceOf(p.evidence) }, { currency })}</Text>
              </Table.Td>
              <Table.Td miw={110}>
                <Stack gap={2}>
                  <Badge color={STATUS_COLOR[p.status] ?? 'gray'} variant="light" data-testid="decided-status">
                    {p.status === 'APPLIED' ? 'Applied' : p.status === 'REJECTED' ? 'Rejected' : p.status}
                  </Badge>
                  {p.reason && (
                    <Text size="xs" c="dimmed" data-testid="decided-reason">
                      “{p.reason}”
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="decided-by">
                  {p.decidedByEmail === 'automatic' ? 'Automatically (no approval needed)' : (p.decidedByEmail ?? '—')}
                </Text>
                {p.decidedAt && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(p.decidedAt)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
