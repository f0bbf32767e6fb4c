import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { messageOf } from '../lib/errors';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  onClose?: () => void;
  testId?: string;
}

/** How every server error reads: the api's sentence, plus a retry where retrying can help. */
export function ErrorAlert({ error, title = 'Something went wrong', onRetry, onClose, testId = 'error-alert' }: Props) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={title}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      data-testid={testId}
      role="alert"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{messageOf(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Retry
          </Button>
        )}
      </Group>
    </Alert>
  );
}
