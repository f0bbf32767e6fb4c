import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { MetricKind } from '@uplift/domain';
import { sentence } from '../../lib/format';
import type { FieldsProps, GuardrailValue } from './form-values';
import { RatioParts } from './ratio-parts';

const KINDS = [
  { value: 'binomial', label: 'Conversion (yes/no)' },
  { value: 'mean', label: 'Average value (e.g. revenue)' },
  { value: 'ratio', label: 'Ratio of two metrics (e.g. revenue per order)' },
];
const NEW_GUARDRAIL: GuardrailValue = { name: '', kind: 'binomial', numerator: '', denominator: '', direction: 'down' };
const DIRECTIONS = [
  { value: 'up', label: 'Up is good' },
  { value: 'down', label: 'Down is good' },
];

/** The primary metric decides the test; guardrails only veto a win they see harmed. */
export function MetricsFields({ values, errors, set }: FieldsProps) {
  const { guardrails } = values;
  const update = (i: number, patch: Partial<GuardrailValue>) =>
    set(
      'guardrails',
      guardrails.map((g, j) => (j === i ? { ...g, ...patch } : g)),
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Metrics</Title>
        <Group align="flex-start" grow>
          <TextInput
            label="Primary metric"
            description="The conversion the test is about, as your events name it"
            required
            value={values.primaryName}
            onChange={(e) => set('primaryName', e.currentTarget.value)}
            error={sentence(errors['metrics.primary.name'])}
            data-testid="field-primaryName"
          />
          <Select
            label="Kind"
            description="Did they convert, or how much?"
            allowDeselect={false}
            data={KINDS}
            value={values.primaryKind}
            onChange={(v) => v && set('primaryKind', v as MetricKind)}
            data-testid="field-primaryKind"
          />
        </Group>
        {values.primaryKind === 'ratio' && (
          <RatioParts
            numerator={values.primaryNumerator}
            denominator={values.primaryDenominator}
            onChange={(p) => {
              if (p.numerator !== undefined) set('primaryNumerator', p.numerator);
              if (p.denominator !== undefined) set('primaryDenominator', p.denominator);
            }}
            path="metrics.primary"
            errors={errors}
          />
        )}
        <Group justify="space-between" mt="xs">
          <Text fw={500} size="sm">
            Guardrails
          </Text>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            disabled={guardrails.length >= 10}
            onClick={() => set('guardrails', [...guardrails, { ...NEW_GUARDRAIL }])}
            data-testid="guardrail-add"
          >
            Add guardrail
          </Button>
        </Group>
        {guardrails.length === 0 && (
          <Text size="xs" c="dimmed">
            None. Add one (e.g. unsubscribes, down is good) to block a win that hurts it.
          </Text>
        )}
        {guardrails.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: unsaved rows have only their position
          <Stack key={i} gap={4}>
            <Group align="flex-start" wrap="nowrap" gap="xs" data-testid="guardrail-row">
              <TextInput
                flex={2}
                label="Name"
                placeholder="unsubscribe"
                value={g.name}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
                error={sentence(errors[`metrics.guardrails.${i}.name`])}
              />
              <Select
                flex={2}
                label="Kind"
                allowDeselect={false}
                data={KINDS}
                value={g.kind}
                onChange={(v) => v && update(i, { kind: v as MetricKind })}
              />
              <Select
                flex={1}
                miw={150}
                label="Direction"
                allowDeselect={false}
                data={DIRECTIONS}
                value={g.direction}
                onChange={(v) => v && update(i, { direction: v as 'up' | 'down' })}
              />
              <ActionIcon
                mt={26}
                variant="subtle"
                color="gray"
                aria-label="Remove guardrail"
                onClick={() =>
                  set(
                    'guardrails',
                    guardrails.filter((_, j) => j !== i),
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            {g.kind === 'ratio' && (
              <RatioParts
                numerator={g.numerator}
                denominator={g.denominator}
                onChange={(p) => update(i, p)}
                path={`metrics.guardrails.${i}`}
                errors={errors}
              />
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
