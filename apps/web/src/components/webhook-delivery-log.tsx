import { Badge, Center, Code, Loader, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../lib/format';
import { useTRPC } from '../lib/trpc';
import { ErrorAlert } from './error-alert';

const STATUS_COLOR: Record<string, string> = { DELIVERED: 'green', PENDING: 'yellow', FAILED: 'red' };

/**
 * The latest webhook deliveries (for admins): what was sent where, and whether the receiver took it. With
 * `experimentKey`, only that experiment's. Pending ones retry with backoff, so the log refreshes itself.
 */
export function WebhookDeliveryLog({ experimentKey }: { experimentKey?: string }) {
  const trpc = useTRPC();
  const deliveries = useQuery(
    trpc.webhook.deliveries.queryOptions(experimentKey ? { experiment: experimentKey } : undefined, {
      refetchInterval: 10_000,
    }),
  );
  if (deliveries.isPending) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (deliveries.isError) return <ErrorAlert error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  const rows = deliveries.data;
  if (!rows.length) {
    return (
      <Text size="sm" c="dimmed" data-testid="deliveries-empty">
        {experimentKey
          ? 'No webhook deliveries for this experiment yet. They are sent on decisions and alerts.'
          : 'No deliveries yet. Webhooks fire on decisions, pending confirmations, broken splits and missing data.'}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing="xs" fz="sm" data-testid="webhook-deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Endpoint</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Last answer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.id} data-testid="delivery-row" data-status={d.status}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.createdAt)}</Table.Td>
              <Table.Td>
                <Code>{d.event}</Code>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" truncate="end">
                  {d.webhook.url}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[d.status] ?? 'gray'} variant="light">
                  {d.status.toLowerCase()}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{d.attempts}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {d.lastStatusCode !== null && <Text size="sm">HTTP {d.lastStatusCode}</Text>}
                  {d.lastError && (
                    <Tooltip label={d.lastError} multiline maw={400}>
                      <Text size="xs" c="red.7" truncate="end" maw={220}>
                        {d.lastError}
                      </Text>
                    </Tooltip>
                  )}
                  {d.lastStatusCode === null && !d.lastError && '—'}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
