import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDate, humanize } from '../lib/format';
import { useTRPC } from '../lib/trpc';
import { ErrorAlert } from './error-alert';

/**
 * Invitations addressed to the signed-in person's email: joining a workspace takes their own yes. Accepting
 * refreshes `me`, so the new workspace appears in the switcher at once.
 */
export function PendingInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.invitation.mine.queryOptions());
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.invitation.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.me.pathKey() }),
    ]);
  const accept = useMutation(trpc.invitation.accept.mutationOptions({ onSettled: refresh }));
  const decline = useMutation(trpc.invitation.decline.mutationOptions({ onSettled: refresh }));
  const failed = accept.error ?? decline.error;
  if (!mine.data?.length && !failed) return null;
  const busy = accept.isPending || decline.isPending;

  return (
    <Stack gap="xs" mb="md" data-testid="pending-invitations">
      {failed && (
        <ErrorAlert
          error={failed}
          title="Invitation not answered"
          onClose={() => {
            accept.reset();
            decline.reset();
          }}
        />
      )}
      {mine.data?.map((invitation) => (
        <Alert
          key={invitation.id}
          color="indigo"
          variant="light"
          icon={<IconMailOpened />}
          title={`Invitation to ${invitation.workspaceName}`}
          data-testid="invitation-offer"
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {invitation.invitedBy} invited you to join as {humanize(invitation.role)}. Open until{' '}
              {formatDate(invitation.expiresAt)}.
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                disabled={busy}
                onClick={() => accept.mutate({ invitationId: invitation.id })}
                data-testid="invitation-accept"
              >
                Accept
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={busy}
                onClick={() => decline.mutate({ invitationId: invitation.id })}
                data-testid="invitation-decline"
              >
                Decline
              </Button>
            </Group>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
