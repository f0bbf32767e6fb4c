import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { LiveReadiness } from './readiness-values';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const coverage = (c: number) => (Number.isFinite(c) ? `${c.toFixed(1)}× the volume` : 'no volume expected');

function Figure({
  label,
  value,
  negative,
  testId,
}: {
  label: string;
  value: ReactNode;
  negative?: boolean;
  testId: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={600} c={negative ? 'red' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** The live assessment: margin, monthly contribution, capacity coverage, and why it would fail. */
export function ReadinessFigures({ live }: { live: LiveReadiness }) {
  const a = live.assessment;
  return (
    <Stack gap="xs" data-testid="readiness-live" data-passes={a ? a.passes : undefined}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure
          label="Margin per conversion after discount"
          value={live.margin === null ? '—' : money.format(live.margin)}
          negative={live.margin !== null && live.margin <= 0}
          testId="readiness-margin"
        />
        <Figure
          label="Monthly contribution"
          value={a ? money.format(a.monthlyContribution) : '—'}
          negative={Boolean(a && a.monthlyContribution <= 0)}
          testId="readiness-contribution"
        />
        <Figure
          label="Capacity coverage"
          value={a ? coverage(a.capacityCoverage) : '—'}
          negative={Boolean(a && a.capacityCoverage < 1)}
          testId="readiness-coverage"
        />
      </SimpleGrid>
      {a && a.failures.length > 0 && (
        <List size="sm" c="red" data-testid="readiness-failures">
          {a.failures.map((f) => (
            <List.Item key={f}>{f.charAt(0).toUpperCase() + f.slice(1)}.</List.Item>
          ))}
        </List>
      )}
      {a?.passes && (
        <Text size="sm" c="teal" data-testid="readiness-passes">
          These figures pass the readiness gate.
        </Text>
      )}
      {!a && (
        <Text size="xs" c="dimmed">
          Fill in every figure to see whether the offer passes.
        </Text>
      )}
    </Stack>
  );
}
