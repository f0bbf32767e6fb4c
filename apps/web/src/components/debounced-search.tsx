import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

interface Props extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The search the page shows (from the URL). */
  value: string;
  onSearch: (search: string) => void;
}

/**
 * A search box for a list kept in the URL: typing stays local and instant, the search follows 250 ms after the
 * last key, and the box follows the URL when back/forward or "Clear" changes it.
 */
export function DebouncedSearch({ value, onSearch, ...props }: Props) {
  const [search, setSearch] = useState(value);
  const [debounced] = useDebouncedValue(search, 250);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search should change the view
  useEffect(() => {
    if (debounced !== value) onSearch(debounced);
  }, [debounced]);
  useEffect(() => setSearch(value), [value]);
  return (
    <TextInput
      label="Search"
      leftSection={<IconSearch size={16} />}
      value={search}
      onChange={(e) => setSearch(e.currentTarget.value)}
      {...props}
    />
  );
}
