import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert } from './error-alert';

interface Props {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** Red by default: most confirmations guard something that cannot be undone. */
  color?: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" for an action that cannot be undone (revoking a key, disabling a webhook). */
export function ConfirmModal(props: Props) {
  const { opened, title, message, confirmLabel, color = 'red', pending, error, onConfirm, onClose } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid="confirm-modal">
      <Stack>
        <Text size="sm">{message}</Text>
        {Boolean(error) && <ErrorAlert error={error} title="Not done" testId="modal-error" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={color} loading={pending} onClick={onConfirm} data-testid="modal-confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
