import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@uplift/api';
import type { Channel } from '@uplift/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { fieldErrorsOf } from '../../lib/errors';
import { sentence } from '../../lib/format';
import { rungName, rungUnits } from '../../lib/ladder-words';
import { useTRPC } from '../../lib/trpc';
import { type CapacityValues, capacityChanges, fromWorkspace, validateCapacity } from './capacity-settings-values';

/** How much traffic each rung can test per week and how many tests share it: what the test roadmap plans with. */
export function CapacitySettingsForm({ workspace }: { workspace: RouterOutputs['workspace']['get'] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => fromWorkspace(workspace));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setValues(fromWorkspace(workspace)), [workspace]);
  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.get.queryKey() });
      },
      onError: (error) =>
        setErrors(Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([k, m]) => [k, sentence(m)]))),
    }),
  );
  const edit = (field: string, change: (v: CapacityValues) => CapacityValues) => {
    setValues(change);
    setErrors((e) => ({ ...e, [field]: '' }));
    setSaved(false);
  };
  const setRung = (rung: Channel, key: 'unitsPerWeek' | 'maxConcurrent', value: number | string) =>
    edit(`capacity.${rung}.${key}`, (v) => {
      const row = v.capacity[rung] ?? { unitsPerWeek: '', maxConcurrent: '' };
      return { ...v, capacity: { ...v.capacity, [rung]: { ...row, [key]: value } } };
    });
  const changes = capacityChanges(values, workspace);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCapacity(values);
    setErrors(found);
    if (Object.keys(found).length === 0 && Object.keys(changes).length) save.mutate(changes);
  };

  return (
    <Paper withBorder p="md" data-testid="capacity-settings">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>Channel capacity</Title>
          <Text size="sm" c="dimmed">
            What the test roadmap plans with: the units each rung can put into tests per week, shared evenly by the
            tests that run side by side. Leave a rung empty to plan nothing on it.
          </Text>
          {values.rungs.map((rung) => (
            <SimpleGrid key={rung} cols={{ base: 1, sm: 2 }} data-testid={`capacity-${rung}`}>
              <NumberInput
                label={`${rungName(rung)}: ${rungUnits(rung)} per week`}
                min={0}
                thousandSeparator=","
                value={values.capacity[rung]?.unitsPerWeek ?? ''}
                onChange={(v) => setRung(rung, 'unitsPerWeek', v)}
                error={errors[`capacity.${rung}.unitsPerWeek`] || undefined}
                data-testid={`capacity-${rung}-unitsPerWeek`}
              />
              <NumberInput
                label={`${rungName(rung)}: tests side by side`}
                min={1}
                max={1000}
                allowDecimal={false}
                value={values.capacity[rung]?.maxConcurrent ?? ''}
                onChange={(v) => setRung(rung, 'maxConcurrent', v)}
                error={errors[`capacity.${rung}.maxConcurrent`] || undefined}
                data-testid={`capacity-${rung}-maxConcurrent`}
              />
            </SimpleGrid>
          ))}
          <NumberInput
            label="Longest test (weeks)"
            description="An idea that needs longer is listed as too small to detect here, with the lift it could detect"
            min={1}
            max={104}
            allowDecimal={false}
            maw={320}
            value={values.maxTestWeeks}
            onChange={(v) => edit('maxTestWeeks', (s) => ({ ...s, maxTestWeeks: v }))}
            error={errors.maxTestWeeks || undefined}
            data-testid="capacity-maxTestWeeks"
          />
          {save.isError && !Object.values(errors).some(Boolean) && <ErrorAlert error={save.error} title="Not saved" />}
          {saved && (
            <Alert color="teal" icon={<IconCheck />} p="xs" data-testid="capacity-settings-saved">
              Saved. The roadmap plans with the new capacity.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!Object.keys(changes).length}
              data-testid="capacity-settings-save"
            >
              Save channel capacity
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
