import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

/** The workspace's API keys: what each may do, when it was last used, and a confirmed revoke. */
export function ApiKeyTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKey.list.queryOptions());
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await queryClient.invalidateQueries({ queryKey: trpc.apiKey.pathKey() });
      },
    }),
  );
  if (keys.isError) return <ErrorAlert error={keys.error} onRetry={() => keys.refetch()} />;
  if (!keys.data?.length) return null;
  return (
    <>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table verticalSpacing="xs" fz="sm" data-testid="apikey-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Starts with</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((k) => (
              <Table.Tr key={k.id} data-testid="apikey-row" c={k.revokedAt ? 'dimmed' : undefined}>
                <Table.Td fw={500}>{k.name}</Table.Td>
                <Table.Td>
                  <code>{k.prefix}…</code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {k.scopes.map((s) => (
                      <Badge key={s} size="sm" variant="light" miw="max-content">
                        {s}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
                <Table.Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}</Table.Td>
                <Table.Td ta="right">
                  {k.revokedAt ? (
                    <Text size="sm" c="dimmed" data-testid="apikey-revoked">
                      Revoked {formatDateTime(k.revokedAt)}
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      onClick={() => {
                        revoke.reset();
                        setRevoking({ id: k.id, name: k.name });
                      }}
                      data-testid="apikey-revoke"
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke API key"
        message={`“${revoking?.name}” stops working at once; whatever uses it gets 401 until it has a new key. This cannot be undone.`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
