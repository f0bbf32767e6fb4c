import { Button, Group, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';

/**
 * "Send a test delivery": a `ping` event posted to this endpoint now through the same delivery code as real
 * events, and what came back — the receiver's status code, or why it could not be delivered.
 */
export function WebhookTestButton({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const test = useMutation(
    trpc.webhook.test.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.pathKey() }),
    }),
  );
  const result = test.data;
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {test.isError && (
        <Text size="xs" c="red" data-testid="webhook-test-result" data-status="ERROR">
          {messageOf(test.error)}
        </Text>
      )}
      {result && (
        <Text
          size="xs"
          c={result.status === 'DELIVERED' ? 'green.8' : 'red'}
          data-testid="webhook-test-result"
          data-status={result.status}
        >
          {result.status === 'DELIVERED'
            ? `Delivered: HTTP ${result.statusCode}`
            : `Not delivered: ${result.error ?? (result.statusCode ? `HTTP ${result.statusCode}` : 'no answer')}`}
        </Text>
      )}
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconSend size={14} />}
        loading={test.isPending}
        onClick={() => test.mutate({ id })}
        data-testid="webhook-test"
      >
        Send a test delivery
      </Button>
    </Group>
  );
}
