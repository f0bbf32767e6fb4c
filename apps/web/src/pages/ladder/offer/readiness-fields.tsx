import { Checkbox, NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { ReadinessField, ReadinessValues } from './readiness-values';

interface Props {
  values: ReadinessValues;
  errors: Partial<Record<ReadinessField, string>>;
  onChange: <K extends ReadinessField>(field: K, value: ReadinessValues[K]) => void;
}

/** The figures of a readiness check: prices and costs per conversion, monthly volume and capacity. */
export function ReadinessFields({ values, errors, onChange }: Props) {
  const number = (field: ReadinessField, label: string, description: string, props: Record<string, unknown> = {}) => (
    <NumberInput
      label={label}
      description={description}
      value={values[field] as number | string}
      onChange={(v) => onChange(field, v as never)}
      error={errors[field]}
      min={0}
      thousandSeparator=","
      data-testid={`readiness-${field}`}
      {...props}
    />
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {number('price', 'Price', 'List price per conversion', { decimalScale: 2 })}
        {number('discountPct', 'Discount', 'The offer’s discount off the price', {
          suffix: '%',
          max: 100,
          decimalScale: 2,
        })}
        {number('unitCost', 'Unit cost', 'Cost of goods per conversion', { decimalScale: 2 })}
        {number('fulfilmentCost', 'Fulfilment cost', 'Delivery, handling or staff per conversion', {
          decimalScale: 2,
        })}
        {number('expectedVolumePerMonth', 'Expected volume / month', 'Conversions at this rung’s reach', {
          allowDecimal: false,
        })}
        {number('capacityPerMonth', 'Capacity / month', 'What stock or staff can deliver', { allowDecimal: false })}
      </SimpleGrid>
      <Checkbox
        label="It can be delivered at scale (stock, staff and logistics are in place)"
        checked={values.deliverableAtScale}
        onChange={(e) => onChange('deliverableAtScale', e.currentTarget.checked)}
        data-testid="readiness-deliverable"
      />
      <Textarea
        label="Notes (optional)"
        autosize
        minRows={2}
        maxLength={2000}
        value={values.notes}
        onChange={(e) => onChange('notes', e.currentTarget.value)}
        data-testid="readiness-notes"
      />
    </Stack>
  );
}
