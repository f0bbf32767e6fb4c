import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatAmount, formatLift, formatPValue, formatRate } from '../lib/format';

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

interface Headline {
  estimate: number | null;
  relative: number | null;
  ci: [number, number] | null;
  pValue: number | null;
  power: number | null;
}

/**
 * The five headline figures of a location test, by either method; `estimateLabel` and `pLabel` say what the
 * estimate is per and which p-value it is (DiD's Welch test, or the synthetic control's placebo rank).
 */
export function LocationHeadline({ a, estimateLabel, pLabel }: { a: Headline; estimateLabel: string; pLabel: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }}>
      <Figure label={estimateLabel} testId="location-estimate">
        {maybe(a.estimate, signed)}
      </Figure>
      <Figure label="Relative lift" testId="location-relative">
        {maybe(a.relative, formatLift)}
      </Figure>
      <Figure label="Interval" testId="location-ci">
        {a.ci ? `${signed(a.ci[0])} to ${signed(a.ci[1])}` : '—'}
      </Figure>
      <Figure label={pLabel} testId="location-p">
        {maybe(a.pValue, formatPValue)}
      </Figure>
      <Figure label="Power" testId="location-power">
        {maybe(a.power, formatRate)}
      </Figure>
    </SimpleGrid>
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
