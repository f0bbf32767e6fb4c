import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconMathFunction, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatCount, formatDateTime } from '../../lib/format';
import { formatAgo } from '../../lib/relative-time';
import type { InsightsResult } from './types';

interface Props {
  result: InsightsResult | null | undefined;
  recomputing: boolean;
  onRecompute: () => void;
  onHow: () => void;
}

/** The title, when the figures were computed (kept fresh every 30 s), Recompute and the formulas drawer. */
export function InsightsHeader({ result, recomputing, onRecompute, onHow }: Props) {
  const [now, setNow] = useState(() => new Date());
  const tick = useInterval(() => setNow(new Date()), 30_000);
  useEffect(() => {
    tick.start();
    return tick.stop;
  }, [tick.start, tick.stop]);
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={2}>
        <Title order={2}>Insights</Title>
        {result && (
          <Text
            size="sm"
            c="dimmed"
            title={formatDateTime(result.computedAt)}
            data-testid="insights-computed-at"
            data-computed-at={new Date(result.computedAt).toISOString()}
          >
            Computed {formatAgo(result.computedAt, now)} ({formatDateTime(result.computedAt)}) from{' '}
            {formatCount(result.completedTests)} completed tests
          </Text>
        )}
      </Stack>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconMathFunction size={16} />}
          onClick={onHow}
          data-testid="insights-how"
        >
          How is this computed
        </Button>
        <Button
          leftSection={<IconRefresh size={16} />}
          loading={recomputing}
          onClick={onRecompute}
          data-testid="insights-recompute"
        >
          Recompute
        </Button>
      </Group>
    </Group>
  );
}
