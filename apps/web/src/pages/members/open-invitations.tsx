import { ActionIcon, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, humanize } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

/** The workspace's open invitations, each revocable (its link and in-app offer stop working at once). */
export function OpenInvitations({ onChange }: { onChange: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const open = useQuery(trpc.member.invitations.queryOptions());
  const revoke = useMutation(trpc.member.revokeInvitation.mutationOptions({ onSettled: () => onChange() }));
  if (open.isError) return <ErrorAlert error={open.error} onRetry={() => open.refetch()} />;
  if (!open.data?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>Open invitations</Title>
      {revoke.isError && <ErrorAlert error={revoke.error} title="Not revoked" onClose={() => revoke.reset()} />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={480} type="native">
          <Table verticalSpacing="xs" data-testid="invitations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Invited by</Table.Th>
                <Table.Th>Open until</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.data.map((i) => (
                <Table.Tr key={i.id} data-testid="invitation-row" data-email={i.email}>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>{humanize(i.role)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {i.invitedBy}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(i.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Tooltip label="Revoke invitation">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Revoke the invitation of ${i.email}`}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ invitationId: i.id })}
                        data-testid="invitation-revoke"
                      >
                        <IconX size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
