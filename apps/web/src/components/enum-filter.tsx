import { Button, MultiSelect } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { humanize } from '../lib/format';

interface Props<T extends string> {
  label: string;
  values: readonly T[];
  value: T[];
  onChange: (value: T[]) => void;
  'data-testid': string;
}

/** A list filter over a closed vocabulary (statuses, channels, …): several at once, "Any" when none. */
export function EnumFilter<T extends string>({ label, values, value, onChange, ...props }: Props<T>) {
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : 'Any'}
      data={values.map((v) => ({ value: v, label: humanize(v) }))}
      value={value}
      onChange={(v) => onChange(v as T[])}
      clearable
      w={{ base: '100%', sm: 200 }}
      maxDropdownHeight={280}
      {...props}
    />
  );
}

/** "Clear", beside a list's filters while any is set. */
export function ClearFilters({ onClear, testId }: { onClear: () => void; testId: string }) {
  return (
    <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={onClear} data-testid={testId}>
      Clear
    </Button>
  );
}
