import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@uplift/api';
import { FUNNEL_STAGES, type FunnelStage } from '@uplift/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { fieldErrorsOf } from '../../lib/errors';
import { humanize, sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

type Workspace = RouterOutputs['workspace']['get'];
/** Select values are strings; "no currency" needs one that is not an ISO code. */
const NONE = 'none';
const COMMON_CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'JPY',
  'CAD',
  'AUD',
  'INR',
  'BRL',
];

const inOrder = (stages: readonly string[]) => FUNNEL_STAGES.filter((s) => stages.includes(s));
const fromWorkspace = (w: Workspace) => ({ currency: w.currency ?? NONE, hidden: inOrder(w.hiddenFunnelStages) });

/** The workspace's money and the funnel stages it uses: what the Insights figures are shown in and over. */
export function InsightsSettingsForm({ workspace }: { workspace: Workspace }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => fromWorkspace(workspace));
  const [errors, setErrors] = useState<{ currency?: string; hiddenFunnelStages?: string }>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setValues(fromWorkspace(workspace)), [workspace]);
  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onSuccess: async () => {
        setErrors({});
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.get.queryKey() });
        // The currency every amount is shown in comes with the session's workspace.
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
      },
      onError: (error) => {
        const found = fieldErrorsOf(error);
        // A stage's error comes as hiddenFunnelStages.3; the form shows it under the whole group.
        const stage = Object.entries(found).find(([k]) => k.startsWith('hiddenFunnelStages'))?.[1];
        setErrors({ currency: sentence(found.currency), hiddenFunnelStages: sentence(stage) });
      },
    }),
  );
  const edit = (change: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...change }));
    setErrors({});
    setSaved(false);
  };
  const currency = values.currency === NONE ? null : values.currency;
  const changes = {
    ...(currency !== (workspace.currency ?? null) && { currency }),
    ...(values.hidden.join() !== inOrder(workspace.hiddenFunnelStages).join() && { hiddenFunnelStages: values.hidden }),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(changes).length) save.mutate(changes);
  };
  const codes = [...new Set([...COMMON_CURRENCIES, ...(workspace.currency ? [workspace.currency] : [])])];

  return (
    <Paper withBorder p="md" data-testid="insights-settings">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>Insights</Title>
          <Text size="sm" c="dimmed">
            The money every amount is in, and the funnel stages this team does not use (left out of the funnel).
          </Text>
          <Select
            label="Currency"
            maw={320}
            allowDeselect={false}
            data={[{ value: NONE, label: 'None' }, ...codes.map((code) => ({ value: code, label: code }))]}
            value={values.currency}
            onChange={(v) => edit({ currency: v ?? NONE })}
            error={errors.currency}
            data-testid="insights-currency"
          />
          <Checkbox.Group
            label="Hidden funnel stages"
            value={values.hidden}
            onChange={(v) => edit({ hidden: inOrder(v) as FunnelStage[] })}
            error={errors.hiddenFunnelStages}
            data-testid="insights-hidden-stages"
          >
            <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs">
              {FUNNEL_STAGES.map((stage) => (
                <Checkbox key={stage} value={stage} label={humanize(stage)} data-testid={`insights-hide-${stage}`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {save.isError && !errors.currency && !errors.hiddenFunnelStages && (
            <ErrorAlert error={save.error} title="Not saved" />
          )}
          {saved && (
            <Alert color="teal" icon={<IconCheck />} p="xs" data-testid="insights-settings-saved">
              Saved. The Insights figures are recomputed with these settings.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!Object.keys(changes).length}
              data-testid="insights-settings-save"
            >
              Save Insights settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
