import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { InputWarning } from '@uplift/domain';

/** Legal but unusual values, shown as they are typed (the domain's plausibility rules). */
export function InputWarnings({ warnings }: { warnings: InputWarning[] }) {
  if (!warnings.length) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} p="xs" data-testid="input-warnings">
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={w.field} data-field={w.field}>
            {w.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

interface ConfirmProps {
  warnings: InputWarning[] | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** Before saving unusual values: the user confirms each was meant. */
export function ConfirmWarningsModal({ warnings, onConfirm, onClose }: ConfirmProps) {
  return (
    <Modal
      opened={warnings !== null}
      onClose={onClose}
      title="Save these values?"
      centered
      data-testid="warnings-modal"
    >
      <Stack>
        <Text size="sm">These are allowed but unusual. Save them only if you mean them:</Text>
        <List size="sm">
          {(warnings ?? []).map((w) => (
            <List.Item key={w.field}>{w.message}</List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="warnings-back">
            Go back and change
          </Button>
          <Button color="yellow" onClick={onConfirm} data-testid="warnings-confirm">
            Save anyway
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
