import { Alert, Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHANNELS, type Channel } from '@uplift/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { rungName } from '../../lib/ladder-words';
import { useTRPC } from '../../lib/trpc';
import { LadderRungRow } from './ladder-rung-row';
import {
  fromBoard,
  type LadderSettingsValues,
  moveRung,
  type PolicyValues,
  sameSettings,
  toUpdate,
  validateLadder,
} from './ladder-settings-values';

/** The channel ladder: the rungs in order, what it takes to step onto each, and how much evidence carries up. */
export function LadderSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const board = useQuery(trpc.ladder.board.queryOptions());
  const [values, setValues] = useState<LadderSettingsValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (board.data) setValues(fromBoard(board.data));
  }, [board.data]);
  const save = useMutation(
    trpc.ladder.updateSettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.ladder.pathKey() });
      },
    }),
  );
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => board.refetch()} />;
  if (!board.data || !values) return <Skeleton h={200} />;

  const update = (next: Partial<LadderSettingsValues>) => {
    setValues({ ...values, ...next });
    setSaved(false);
    save.reset();
  };
  const setPolicy = (rung: Channel) => (field: keyof PolicyValues, value: PolicyValues[keyof PolicyValues]) =>
    update({ policies: { ...values.policies, [rung]: { ...values.policies[rung], [field]: value } } });
  const missing = CHANNELS.filter((c) => !values.ladder.includes(c));
  const unchanged = sameSettings(values, fromBoard(board.data));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateLadder(values);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(toUpdate(values));
  };

  return (
    <Paper withBorder p="md" data-testid="ladder-settings">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>Channel ladder</Title>
          <Text size="sm" c="dimmed">
            Offers climb these rungs in order, one experiment each. A rung's policy says what it takes to step onto it.
          </Text>
          {values.ladder.map((rung, i) => (
            <LadderRungRow
              key={rung}
              rung={rung}
              index={i}
              count={values.ladder.length}
              standing={board.data.offers.filter((o) => o.rung === rung).length}
              policy={values.policies[rung]}
              errors={errors}
              onMove={(by) => update({ ladder: moveRung(values.ladder, i, by) })}
              onRemove={() => update({ ladder: values.ladder.filter((r) => r !== rung) })}
              onPolicy={setPolicy(rung)}
            />
          ))}
          {missing.length > 0 && (
            <Group gap="xs">
              {missing.map((c) => (
                <Button
                  key={c}
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => update({ ladder: [...values.ladder, c] })}
                  data-testid={`rung-add-${c}`}
                >
                  Add {rungName(c)}
                </Button>
              ))}
            </Group>
          )}
          <NumberInput
            label="Prior discount factor"
            description="A lower rung's result carries up as a prior whose variance is multiplied by this (1 = full weight)"
            min={1}
            max={100}
            decimalScale={2}
            value={values.priorDiscount}
            onChange={(v) => update({ priorDiscount: v })}
            error={errors.priorDiscount}
            maw={320}
            data-testid="ladder-priorDiscount"
          />
          {save.isError && <ErrorAlert error={save.error} title="Not saved" testId="ladder-settings-error" />}
          {saved && (
            <Alert color="teal" icon={<IconCheck />} p="xs" data-testid="ladder-settings-saved">
              Saved. The next decided experiment follows the new ladder.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={unchanged} data-testid="ladder-settings-save">
              Save ladder
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
