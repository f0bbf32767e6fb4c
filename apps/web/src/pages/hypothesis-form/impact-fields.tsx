import { NumberInput, type NumberInputProps, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { sentence } from '../../lib/format';
import { useCurrency } from '../../lib/money';
import type { FormField, HypothesisFormValues } from './form-values';

export interface FieldsProps {
  values: HypothesisFormValues;
  errors: Partial<Record<FormField, string>>;
  set: <K extends FormField>(field: K, value: HypothesisFormValues[K]) => void;
}

/** The ROI inputs (rates entered as percentages) and the optional ICE scores. */
export function ImpactFields({ values, errors, set }: FieldsProps) {
  // Money fields name the workspace's currency (Settings › Insights).
  const currency = useCurrency();
  const inCurrency = (label: string) => (currency ? `${label} (${currency})` : label);
  const number = (field: FormField, label: string, props: NumberInputProps = {}) => (
    <NumberInput
      label={label}
      value={values[field] as number | string}
      onChange={(v) => set(field, v)}
      error={sentence(errors[field])}
      thousandSeparator=","
      data-testid={`field-${field}`}
      {...props}
    />
  );
  const required = { required: true, min: 0 };
  const percent = { ...required, suffix: '%', decimalScale: 4 };
  const ice = { min: 1, max: 10, allowDecimal: false, placeholder: '1–10' };
  return (
    <>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>Expected impact</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number('reachPerMonth', 'Reach per month', {
              ...required,
              allowDecimal: false,
              description: 'People who would see it',
            })}
            {number('baselinePct', 'Baseline conversion', { ...percent, max: 100, description: 'Converts today' })}
            {number('liftPct', 'Expected lift', {
              ...percent,
              min: undefined,
              description: 'Relative: 10% takes 2% to 2.2%',
            })}
            {number('valuePerConversion', inCurrency('Value per conversion'), {
              ...required,
              decimalScale: 2,
              description: 'Margin, not revenue',
            })}
            {number('confidencePct', 'Confidence', {
              ...percent,
              max: 100,
              description: 'How sure you are of the lift',
            })}
            {number('cost', inCurrency('Cost'), { ...required, decimalScale: 2, description: 'To build and run it' })}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>ICE (optional)</Title>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            {number('iceImpact', 'Impact', ice)}
            {number('iceConfidence', 'Confidence', ice)}
            {number('iceEase', 'Ease', ice)}
          </SimpleGrid>
        </Stack>
      </Paper>
    </>
  );
}
