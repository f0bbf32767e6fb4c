import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert } from './error-alert';

interface Props {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" for an action that cannot be undone (revoking a key, disabling a webhook). */
export function ConfirmModal({ opened, title, message, confirmLabel, pending, error, onConfirm, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid="confirm-modal">
      <Stack>
        <Text size="sm">{message}</Text>
        {Boolean(error) && <ErrorAlert error={error} title="Not done" testId="modal-error" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm} data-testid="modal-confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
