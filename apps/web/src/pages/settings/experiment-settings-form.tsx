import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@uplift/api';
import { type FormEvent, useEffect, useState } from 'react';
import { AnalysisMethodSelects } from '../../components/analysis-method-selects';
import { ErrorAlert } from '../../components/error-alert';
import { fieldErrorsOf } from '../../lib/errors';
import { sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import {
  changedSettings,
  type ExperimentSettingsValues,
  fromWorkspace,
  validateSettings,
} from './experiment-settings-values';

type Field = keyof ExperimentSettingsValues;
/** api field → form field, where they differ (the percentage inputs). */
const FORM_FIELD: Record<string, Field> = {
  winChance: 'winChancePct',
  maxRisk: 'maxRiskPct',
  lossChance: 'lossChancePct',
};

/** How the worker evaluates experiments and what new experiments start with. */
export function ExperimentSettingsForm({ workspace }: { workspace: RouterOutputs['workspace']['get'] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => fromWorkspace(workspace));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setValues(fromWorkspace(workspace)), [workspace]);
  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.get.queryKey() });
      },
      onError: (error) =>
        setErrors(
          Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([k, m]) => [FORM_FIELD[k] ?? k, sentence(m)])),
        ),
    }),
  );
  const set = <K extends Field>(field: K, value: ExperimentSettingsValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(false);
  };
  const changes = changedSettings(values, workspace);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateSettings(values);
    setErrors(found);
    if (Object.keys(found).length === 0 && Object.keys(changes).length) save.mutate(changes);
  };
  const number = (field: Field, label: string, description: string, props: Record<string, unknown> = {}) => (
    <NumberInput
      label={label}
      description={description}
      value={values[field] as number | string}
      onChange={(v) => set(field, v as never)}
      error={errors[field]}
      data-testid={`settings-${field}`}
      {...props}
    />
  );
  const percent = { suffix: '%', decimalScale: 4, min: 0, max: 100 };

  return (
    <Paper withBorder p="md" data-testid="experiment-settings">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>Experiments</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number('evaluationIntervalMinutes', 'Evaluate every (minutes)', 'Also right after new data arrives', {
              min: 1,
              max: 1440,
              allowDecimal: false,
            })}
            <Switch
              mt="md"
              label="Product owners confirm decisions"
              description="A win, loss or inconclusive result waits for a confirmation before it completes the test"
              checked={values.confirmDecisions}
              onChange={(e) => set('confirmDecisions', e.currentTarget.checked)}
              data-testid="settings-confirmDecisions"
            />
          </SimpleGrid>
          <Text fw={500} size="sm" mt="xs">
            Defaults for new experiments
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <AnalysisMethodSelects
              engine={values.defaultEngine}
              correction={values.defaultCorrection}
              onEngine={(engine) => set('defaultEngine', engine)}
              onCorrection={(correction) => set('defaultCorrection', correction)}
              testIds={{ engine: 'settings-defaultEngine', correction: 'settings-defaultCorrection' }}
            />
            {number('defaultAlpha', 'Significance level α', '0.05 = 95% confidence', {
              min: 0,
              max: 0.5,
              step: 0.01,
              decimalScale: 4,
            })}
            <Stack gap={6}>
              <Switch
                mt="md"
                label="Sequential testing"
                checked={values.sequential}
                onChange={(e) => set('sequential', e.currentTarget.checked)}
                data-testid="settings-sequential"
              />
              {values.sequential &&
                number('defaultSequential', 'Tuning N*', 'Expected total units', {
                  min: 1,
                  allowDecimal: false,
                  thousandSeparator: ',',
                })}
            </Stack>
          </SimpleGrid>
          <Text fw={500} size="sm" mt="xs">
            Bayesian decision thresholds
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {number('winChancePct', 'Win at chance to win ≥', 'e.g. 95%', percent)}
            {number('maxRiskPct', '…and risk ≤', 'Expected relative loss, e.g. 0.25%', percent)}
            {number('lossChancePct', 'Loss at chance to win ≤', 'e.g. 5%', percent)}
          </SimpleGrid>
          <Text fw={500} size="sm" mt="xs">
            Data kept
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number(
              'rawEventRetentionDays',
              'Keep raw events of ended tests (days)',
              "Results, reports and counts stay; only the raw events go. Empty: the server's default (kept unless set)",
              { min: 1, max: 36_500, allowDecimal: false, thousandSeparator: ',', placeholder: 'Server default' },
            )}
          </SimpleGrid>
          {save.isError && !Object.values(errors).some(Boolean) && <ErrorAlert error={save.error} title="Not saved" />}
          {saved && (
            <Alert color="teal" icon={<IconCheck />} p="xs" data-testid="experiment-settings-saved">
              Saved. Running experiments use the new decision settings from their next evaluation.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!Object.keys(changes).length}
              data-testid="experiment-settings-save"
            >
              Save experiment settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
