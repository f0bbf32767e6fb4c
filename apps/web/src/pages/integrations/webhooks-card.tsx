import { Badge, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { SecretReveal } from '../../components/secret-reveal';
import { fieldErrorsOf } from '../../lib/errors';
import { formatDateTime, sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { WebhookTestButton } from './webhook-test-button';

const VERIFY = `expected = "sha256=" + hex(hmac_sha256(secret, raw_request_body))
accept only if constant_time_equals(expected, headers["x-uplift-signature"])`;

/** Endpoints told about decisions and alerts; each gets its own signing secret, shown once. */
export function WebhooksCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hooks = useQuery(trpc.webhook.list.queryOptions());
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<{ id: string; url: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: async (hook) => {
        setSecret(hook.secret);
        setUrl('');
        await refresh();
      },
    }),
  );
  const disable = useMutation(
    trpc.webhook.disable.mutationOptions({
      onSuccess: async () => {
        setDisabling(null);
        await refresh();
      },
    }),
  );
  const urlError = fieldErrorsOf(create.error).url;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSecret(null);
    create.mutate({ url: url.trim() });
  };

  return (
    <Paper withBorder p="md" data-testid="webhooks">
      <Stack gap="sm">
        <Title order={4}>Webhooks</Title>
        <Text size="sm" c="dimmed">
          Uplift POSTs JSON to each active endpoint when an experiment reaches a decision, needs a confirmation, has a
          broken split or gets no data. Failed deliveries are retried with backoff.
        </Text>
        <form onSubmit={submit}>
          <Group align="flex-start">
            <TextInput
              flex={1}
              maw={520}
              placeholder="https://hooks.example.com/uplift"
              aria-label="Endpoint URL"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={sentence(urlError)}
              data-testid="webhook-url"
            />
            <Button
              type="submit"
              leftSection={<IconPlus size={16} />}
              loading={create.isPending}
              disabled={!url.trim()}
              data-testid="webhook-create"
            >
              Add endpoint
            </Button>
          </Group>
        </form>
        {create.isError && !urlError && <ErrorAlert error={create.error} title="Not added" />}
        {secret && (
          <SecretReveal
            title="Signing secret"
            secret={secret}
            onDismiss={() => setSecret(null)}
            testId="webhook-secret"
          />
        )}
        <Text size="sm">
          Every request carries <Code>x-uplift-signature: sha256=&lt;hmac&gt;</Code>, the hex HMAC-SHA256 of the raw
          body keyed with the endpoint's secret. Check it before trusting a request:
        </Text>
        <Code block>{VERIFY}</Code>
        {hooks.isError && <ErrorAlert error={hooks.error} onRetry={() => hooks.refetch()} />}
        {hooks.data && hooks.data.length > 0 && (
          <Table verticalSpacing="xs" fz="sm" data-testid="webhook-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Endpoint</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th />
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hooks.data.map((h) => (
                <Table.Tr key={h.id} data-testid="webhook-row">
                  <Table.Td style={{ wordBreak: 'break-all' }}>{h.url}</Table.Td>
                  <Table.Td>{formatDateTime(h.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge color={h.active ? 'green' : 'gray'} variant="light">
                      {h.active ? 'active' : 'disabled'}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{h.active && <WebhookTestButton id={h.id} />}</Table.Td>
                  <Table.Td ta="right">
                    {h.active && (
                      <Button
                        size="xs"
                        color="red"
                        variant="subtle"
                        onClick={() => {
                          disable.reset();
                          setDisabling({ id: h.id, url: h.url });
                        }}
                        data-testid="webhook-disable"
                      >
                        Disable
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmModal
        opened={disabling !== null}
        title="Disable webhook"
        message={`${disabling?.url} gets no more deliveries. To resume, add it again (with a new secret).`}
        confirmLabel="Disable"
        pending={disable.isPending}
        error={disable.error}
        onConfirm={() => disabling && disable.mutate({ id: disabling.id })}
        onClose={() => setDisabling(null)}
      />
    </Paper>
  );
}
