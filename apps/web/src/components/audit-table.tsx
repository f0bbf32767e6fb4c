import { Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { HYPOTHESIS_STATUSES, type HypothesisStatus } from '@uplift/domain';
import { actionLabel, actorLabel } from '../lib/audit-actions';
import { type Change, changesOf } from '../lib/audit-change';
import { formatDateTime } from '../lib/format';
import { type AuditEvent, AuditSubject } from './audit-subject';
import { StatusBadge } from './status-badge';

export type { AuditEvent };

const isStatus = (v: unknown): v is HypothesisStatus =>
  typeof v === 'string' && (HYPOTHESIS_STATUSES as readonly string[]).includes(v);

function Value({ field, value }: { field: string; value: unknown }) {
  if (field === 'status' && isStatus(value)) return <StatusBadge status={value} size="sm" />;
  if (value === null || value === undefined)
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return <Code>{text.length > 80 ? `${text.slice(0, 80)}…` : text}</Code>;
}

function ChangeLine({ change }: { change: Change }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {change.key}
      </Text>
      {'from' in change && <Value field={change.key} value={change.from} />}
      {'from' in change && 'to' in change && <IconArrowRight size={12} />}
      {'to' in change && <Value field={change.key} value={change.to} />}
    </Group>
  );
}

interface Props {
  events: AuditEvent[];
  /** The workspace log shows what each event is about; a hypothesis's own trail does not need to. */
  withEntity?: boolean;
}

export function AuditTable({ events, withEntity = false }: Props) {
  return (
    <Table.ScrollContainer minWidth={withEntity ? 900 : 720} type="native">
      <Table verticalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Action</Table.Th>
            {withEntity && <Table.Th>About</Table.Th>}
            <Table.Th>Change</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid="audit-row" data-action={e.action}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt)}</Table.Td>
              <Table.Td data-testid="audit-actor">
                {e.actorEmail ?? (
                  <Text span c="dimmed" size="sm">
                    {actorLabel(null)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fw={500} data-testid="audit-action">
                {actionLabel(e.action, e.after)}
              </Table.Td>
              {withEntity && (
                <Table.Td maw={320}>
                  <AuditSubject event={e} />
                </Table.Td>
              )}
              <Table.Td>
                <Stack gap={4}>
                  {changesOf(e.before, e.after).map((c) => (
                    <ChangeLine key={c.key} change={c} />
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td data-testid="audit-reason" maw={280}>
                {e.reason ?? ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
