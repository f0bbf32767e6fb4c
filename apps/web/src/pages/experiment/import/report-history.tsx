import { Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/error-alert';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';

type ReportVariant = { key: string; users: number; conversions?: number; sum?: number };

/** Every report imported for the experiment, newest first (the newest per metric counts). */
export function ReportHistory({ experimentKey }: { experimentKey: string }) {
  const trpc = useTRPC();
  const reports = useQuery(trpc.experiment.reports.queryOptions({ key: experimentKey }));
  return (
    <Paper withBorder p="md" data-testid="report-history">
      <Stack gap="sm">
        <Title order={5}>Report history</Title>
        {reports.isPending ? (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        ) : reports.isError ? (
          <ErrorAlert error={reports.error} onRetry={() => reports.refetch()} />
        ) : reports.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No report imported yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Metric</Table.Th>
                  <Table.Th>Per variant (users / conversions or sum)</Table.Th>
                  <Table.Th>From</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reports.data.map((r) => (
                  <Table.Tr key={r.id} data-testid="report-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</Table.Td>
                    <Table.Td>{r.metric}</Table.Td>
                    <Table.Td>
                      {(r.variants satisfies ReportVariant[])
                        .map((v) => `${v.key}: ${formatCount(v.users)} / ${formatCount(v.conversions ?? v.sum ?? 0)}`)
                        .join(' · ')}
                    </Table.Td>
                    <Table.Td>
                      {r.source === 'csv' ? 'CSV import' : 'API'}
                      {r.createdBy ? ` · ${r.createdBy}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
