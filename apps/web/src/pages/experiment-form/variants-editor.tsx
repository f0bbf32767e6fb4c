import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEqual, IconPlus, IconTrash } from '@tabler/icons-react';
import { fullSentence, sentence } from '../../lib/format';
import { equalWeights, type FieldsProps, type VariantValue, weightSum } from './form-values';

const MIN = 2;
const MAX = 8;

/** 2–8 variants, the first the control; traffic shares must add up to 1. */
export function VariantsEditor({ values, errors, set }: FieldsProps) {
  const { variants } = values;
  const update = (i: number, patch: Partial<VariantValue>) =>
    set(
      'variants',
      variants.map((v, j) => (j === i ? { ...v, ...patch } : v)),
    );
  const split = (list: VariantValue[]) => {
    const weights = equalWeights(list.length);
    return list.map((v, i) => ({ ...v, weight: weights[i] ?? 0 }));
  };
  const add = () => set('variants', split([...variants, { key: `treatment-${variants.length}`, name: '', weight: 0 }]));
  const remove = (i: number) => set('variants', split(variants.filter((_, j) => j !== i)));
  const sum = weightSum(variants);
  const sumOff = Math.abs(sum - 1) > 1e-6;

  return (
    <Paper withBorder p="md" data-testid="variants-editor">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Variants</Title>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEqual size={14} />}
              onClick={() => set('variants', split(variants))}
              data-testid="variants-equal"
            >
              Equal split
            </Button>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={add}
              disabled={variants.length >= MAX}
              data-testid="variants-add"
            >
              Add variant
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          The first variant is the control. Weight is the share of recipients (0.5 = half).
        </Text>
        {variants.map((v, i) => (
          // Variants have no id of their own until saved; their position is their identity here.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={i} align="flex-start" wrap="nowrap" gap="xs" data-testid="variant-row">
            <TextInput
              flex={2}
              label={i === 0 ? 'Key (control)' : 'Key'}
              value={v.key}
              onChange={(e) => update(i, { key: e.currentTarget.value })}
              error={sentence(errors[`variants.${i}.key`])}
              data-testid={`variant-key-${i}`}
            />
            <TextInput
              flex={3}
              label="Name"
              placeholder={v.key}
              value={v.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              error={sentence(errors[`variants.${i}.name`])}
              data-testid={`variant-name-${i}`}
            />
            <NumberInput
              flex={1}
              miw={90}
              label="Weight"
              min={0}
              max={1}
              step={0.05}
              decimalScale={4}
              value={v.weight}
              onChange={(weight) => update(i, { weight })}
              error={sentence(errors[`variants.${i}.weight`])}
              data-testid={`variant-weight-${i}`}
            />
            <ActionIcon
              mt={26}
              variant="subtle"
              color="gray"
              aria-label={`Remove variant ${v.key}`}
              disabled={variants.length <= MIN}
              onClick={() => remove(i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {(sumOff || errors.variants) && (
          <Alert color="red" variant="light" p="xs" data-testid="variants-error">
            <Text size="sm">
              {fullSentence(errors.variants) ?? `Weights must sum to 1; they sum to ${+sum.toFixed(6)}.`} Use “Equal
              split” to fix them in one click.
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
