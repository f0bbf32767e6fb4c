import { ActionIcon, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@uplift/domain';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { InviteMemberModal } from './invite-member-modal';
import { OpenInvitations } from './open-invitations';
import { RemoveMemberModal } from './remove-member-modal';
import { ROLE_OPTIONS } from './role-options';

export function MembersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const members = useQuery(trpc.member.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() }),
      // Your own role may have changed: the navigation and buttons follow me.get.
      queryClient.invalidateQueries({ queryKey: trpc.me.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
    ]);
  const setRole = useMutation(trpc.member.setRole.mutationOptions({ onSuccess: refresh }));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Members</Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)} data-testid="member-invite">
          Invite member
        </Button>
      </Group>
      {members.isError && <ErrorAlert error={members.error} onRetry={() => members.refetch()} />}
      {setRole.isError && <ErrorAlert error={setRole.error} title="Role not changed" onClose={() => setRole.reset()} />}
      <Paper withBorder>
        {members.isPending ? (
          <Stack p="md" gap="sm">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={28} />
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={560} type="native">
            <Table verticalSpacing="sm" data-testid="members-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th w={200}>Role</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data?.map((m) => (
                  <Table.Tr key={m.id} data-testid="member-row" data-email={m.user.email}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {m.user.name}
                        {m.user.id === user.id && (
                          <Text span c="dimmed" size="sm">
                            {' '}
                            (you)
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>{m.user.email}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Role of ${m.user.name}`}
                        size="xs"
                        allowDeselect={false}
                        data={ROLE_OPTIONS}
                        value={m.role}
                        disabled={setRole.isPending}
                        onChange={(role) =>
                          role && role !== m.role && setRole.mutate({ membershipId: m.id, role: role as Role })
                        }
                        data-testid="member-role"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label="Remove from workspace">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${m.user.name}`}
                          onClick={() => setRemoving({ id: m.id, name: m.user.name })}
                          data-testid="member-remove"
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <OpenInvitations onChange={refresh} />
      <InviteMemberModal opened={adding} onClose={() => setAdding(false)} onInvited={refresh} />
      <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} onRemoved={refresh} />
    </Stack>
  );
}
