import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useTRPC } from '../../lib/trpc';

interface Props {
  member: { id: string; name: string } | null;
  onClose: () => void;
  onRemoved: () => Promise<unknown>;
}

export function RemoveMemberModal({ member, onClose, onRemoved }: Props) {
  const trpc = useTRPC();
  const remove = useMutation(
    trpc.member.remove.mutationOptions({
      onSuccess: async () => {
        await onRemoved();
        onClose();
      },
    }),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: forget the last attempt's error per member
  useEffect(() => remove.reset(), [member?.id]);
  return (
    <Modal opened={member !== null} onClose={onClose} title="Remove member" centered data-testid="remove-member-modal">
      <Stack>
        {remove.isError && <ErrorAlert error={remove.error} title="Not removed" />}
        <Text size="sm">
          Remove <b>{member?.name}</b> from this workspace? Their hypotheses and history stay.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => member && remove.mutate({ membershipId: member.id })}
            data-testid="member-remove-confirm"
          >
            Remove
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
