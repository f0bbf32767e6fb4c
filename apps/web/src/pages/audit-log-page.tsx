import { EmptyState, Group, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AuditTable } from '../components/audit-table';
import { ErrorAlert } from '../components/error-alert';
import { useTRPC } from '../lib/trpc';

type EntityFilter =
  | 'all'
  | 'hypothesis'
  | 'experiment'
  | 'workspace'
  | 'membership'
  | 'apiKey'
  | 'webhook'
  | 'learning';
const LIMIT = 200;

export function AuditLogPage() {
  const trpc = useTRPC();
  const [entity, setEntity] = useState<EntityFilter>('all');
  const audit = useQuery(
    trpc.audit.list.queryOptions({ entityType: entity === 'all' ? undefined : entity, limit: LIMIT }),
  );
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Audit log</Title>
        <SegmentedControl
          size="xs"
          value={entity}
          onChange={(v) => setEntity(v as EntityFilter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'hypothesis', label: 'Hypotheses' },
            { value: 'experiment', label: 'Experiments' },
            { value: 'workspace', label: 'Settings' },
            { value: 'membership', label: 'Members' },
            { value: 'apiKey', label: 'API keys' },
            { value: 'webhook', label: 'Webhooks' },
            { value: 'learning', label: 'Learnings' },
          ]}
          data-testid="audit-filter"
        />
      </Group>
      {audit.isError && <ErrorAlert error={audit.error} onRetry={() => audit.refetch()} />}
      <Paper withBorder>
        {audit.isPending ? (
          <Stack p="md" gap="sm">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} h={28} />
            ))}
          </Stack>
        ) : audit.data?.length ? (
          <AuditTable events={audit.data} withEntity />
        ) : (
          <EmptyState py="xl" icon={<IconHistory />} title="Nothing recorded yet" data-testid="audit-empty" />
        )}
      </Paper>
      {audit.data?.length === LIMIT && (
        <Text size="xs" c="dimmed">
          Showing the latest {LIMIT} events.
        </Text>
      )}
    </Stack>
  );
}
