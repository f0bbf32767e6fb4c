import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AuditTable } from '../../components/audit-table';
import { ErrorAlert } from '../../components/error-alert';
import { useTRPC } from '../../lib/trpc';

/** Who did what to this hypothesis, newest first. */
export function AuditTrail({ hypothesisId }: { hypothesisId: string }) {
  const trpc = useTRPC();
  const audit = useQuery(trpc.audit.list.queryOptions({ entityType: 'hypothesis', entityId: hypothesisId }));
  return (
    <Paper withBorder p="md" data-testid="audit-trail">
      <Stack gap="sm">
        <Title order={4}>History</Title>
        {audit.isPending ? (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        ) : audit.isError ? (
          <ErrorAlert error={audit.error} onRetry={() => audit.refetch()} />
        ) : audit.data.length ? (
          <AuditTable events={audit.data} />
        ) : (
          <Text size="sm" c="dimmed">
            No recorded changes.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
