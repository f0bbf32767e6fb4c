import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { Channel } from '@uplift/domain';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { fieldErrorsOf } from '../../../lib/errors';
import { sentence } from '../../../lib/format';
import { rungName, rungPlace } from '../../../lib/ladder-words';
import { useTRPC } from '../../../lib/trpc';
import { useLadderInvalidate } from '../use-ladder-invalidate';
import { ReadinessFields } from './readiness-fields';
import { ReadinessFigures } from './readiness-figures';
import {
  EMPTY_READINESS,
  formFieldOf,
  liveReadiness,
  type ReadinessField,
  type ReadinessValues,
  toReadinessInput,
} from './readiness-values';

interface Props {
  offerId: string;
  /** Rungs a check can be recorded for, the likely one first. */
  rungs: string[];
}

/** A product owner's check that the offer can be delivered at scale and still earns money after its discount. */
export function ReadinessForm({ offerId, rungs }: Props) {
  const trpc = useTRPC();
  const invalidate = useLadderInvalidate();
  const [rung, setRung] = useState(rungs[0] ?? '');
  const [values, setValues] = useState<ReadinessValues>(EMPTY_READINESS);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ReadinessField, string>>>({});
  const save = useMutation(
    trpc.ladder.checkReadiness.mutationOptions({
      onSuccess: () => invalidate(),
      onError: (error) =>
        setServerErrors(
          Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([k, m]) => [formFieldOf(k), sentence(m)])),
        ),
    }),
  );
  const live = liveReadiness(values);
  const set = <K extends ReadinessField>(field: K, value: ReadinessValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerErrors((e) => ({ ...e, [field]: undefined }));
    save.reset();
  };
  const errors = Object.fromEntries(
    (Object.keys(values) as ReadinessField[]).map((f) => [f, sentence(live.errors[f]) ?? serverErrors[f]]),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (live.assessment && rung) save.mutate({ offerId, rung: rung as Channel, ...toReadinessInput(values) });
  };
  const saved = save.data;

  return (
    <Paper withBorder p="md" data-testid="readiness-form">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={4}>Readiness check</Title>
            <Select
              label="For the rung"
              data={rungs.map((r) => ({ value: r, label: rungName(r) }))}
              value={rung}
              onChange={(r) => r && setRung(r)}
              allowDeselect={false}
              w={180}
              data-testid="readiness-rung"
            />
          </Group>
          <Text size="sm" c="dimmed">
            Before the offer goes {rungPlace(rung)}, confirm it can be delivered at that scale and that each conversion
            still earns money after the discount.
          </Text>
          <ReadinessFields values={values} errors={errors} onChange={set} />
          <ReadinessFigures live={live} />
          {save.isError && !Object.values(serverErrors).some(Boolean) && (
            <ErrorAlert error={save.error} title="Not saved" testId="readiness-error" />
          )}
          {saved && (
            <Alert
              color={saved.passed ? 'teal' : 'red'}
              icon={saved.passed ? <IconCircleCheck /> : <IconCircleX />}
              p="xs"
              data-testid="readiness-saved"
              data-passed={saved.passed}
            >
              {saved.passed
                ? `Recorded: the offer is ready to go ${rungPlace(saved.rung)}.`
                : `Recorded as failed: the offer may not go ${rungPlace(saved.rung)} until a check passes.`}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!live.assessment || !rung}
              data-testid="readiness-save"
            >
              Record the check
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
