import { List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatAmount } from '../lib/format';

/** Extra sales read signed, with a true minus sign. */
export const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatAmount(Math.abs(value))}`;
export const maybe = (value: number | null, format: (v: number) => string) => (value === null ? '—' : format(value));

/** One headline figure of a location test (estimate, lift, interval, p-value, power). */
export function Figure({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={600} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** An analysis's warnings as sentences. */
export function LocationWarnings({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <List size="xs" c="dimmed" data-testid="location-warnings">
      {warnings.map((w) => (
        <List.Item key={w}>{w.charAt(0).toUpperCase() + w.slice(1)}.</List.Item>
      ))}
    </List>
  );
}
