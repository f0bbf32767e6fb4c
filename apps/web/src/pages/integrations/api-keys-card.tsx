import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { SecretReveal } from '../../components/secret-reveal';
import { fieldErrorsOf } from '../../lib/errors';
import { sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { ApiKeyTable } from './api-key-table';

const SCOPES = [
  { value: 'ingest', label: 'Ingest', description: 'Send events and campaign reports' },
  { value: 'read', label: 'Read', description: 'Read experiments, results and assignments' },
  { value: 'write', label: 'Write', description: 'Create experiments' },
] as const;
type Scope = (typeof SCOPES)[number]['value'];

/** Keys for the REST API: create one (its token shown once) and list them. */
export function ApiKeysCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['ingest']);
  const [token, setToken] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.pathKey() });
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: async (created) => {
        setToken(created.token);
        setName('');
        await refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setToken(null);
    create.mutate({ name: name.trim(), scopes });
  };

  return (
    <Paper withBorder p="md" data-testid="api-keys">
      <Stack gap="sm">
        <Title order={4}>API keys</Title>
        <Text size="sm" c="dimmed">
          For your email tool, website or scripts: send as <code>Authorization: Bearer &lt;token&gt;</code>. Give each
          integration its own key with only the scopes it needs.
        </Text>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              label="Name"
              description="Who uses it, e.g. “Newsletter tool”"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={sentence(errors.name)}
              maw={420}
              data-testid="apikey-name"
            />
            <Checkbox.Group
              label="Scopes"
              value={scopes}
              onChange={(v) => setScopes(v as Scope[])}
              error={sentence(errors.scopes)}
            >
              <Group mt={6}>
                {SCOPES.map((s) => (
                  <Checkbox
                    key={s.value}
                    value={s.value}
                    label={s.label}
                    description={s.description}
                    data-testid={`apikey-scope-${s.value}`}
                  />
                ))}
              </Group>
            </Checkbox.Group>
            {create.isError && !Object.keys(errors).length && <ErrorAlert error={create.error} title="Not created" />}
            <Group>
              <Button
                type="submit"
                leftSection={<IconPlus size={16} />}
                loading={create.isPending}
                disabled={!name.trim() || scopes.length === 0}
                data-testid="apikey-create"
              >
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
        {token && (
          <SecretReveal
            title="Your new API key"
            secret={token}
            onDismiss={() => setToken(null)}
            testId="apikey-token"
          />
        )}
        <ApiKeyTable />
      </Stack>
    </Paper>
  );
}
