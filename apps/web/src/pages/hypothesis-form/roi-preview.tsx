import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { scoreRoi, ZRoiInput } from '@uplift/domain';
import { useMemo } from 'react';
import { formatMonths, formatRoi } from '../../lib/format';
import { useMoney } from '../../lib/money';
import { type HypothesisFormValues, toRoiInput } from './form-values';

interface Props {
  values: HypothesisFormValues;
  horizonMonths: number | undefined;
}

/** The score the api will store, computed as the user types with the same domain function. */
export function RoiPreview({ values, horizonMonths }: Props) {
  const money = useMoney();
  const score = useMemo(() => {
    if (horizonMonths === undefined) return null;
    const parsed = ZRoiInput.safeParse(toRoiInput(values, horizonMonths));
    return parsed.success ? scoreRoi(parsed.data) : null;
  }, [values, horizonMonths]);

  const stat = (label: string, value: string, testId: string, color?: string) => (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} c={color} data-testid={testId}>
        {score ? value : '—'}
      </Text>
    </Stack>
  );

  return (
    <Paper withBorder p="md" data-testid="roi-preview" aria-live="polite">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>ROI preview</Title>
          {horizonMonths !== undefined && (
            <Badge variant="light" color="gray" data-testid="roi-preview-horizon" data-months={horizonMonths}>
              {horizonMonths}-month horizon
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          {stat('Monthly gain', money(score?.expectedMonthlyGain ?? 0), 'roi-preview-monthly')}
          {stat('Expected gain', money(score?.expectedGain ?? 0), 'roi-preview-gain')}
          {stat('ROI', formatRoi(score?.roi ?? 0), 'roi-preview-roi', score && score.roi < 0 ? 'red.7' : 'teal.7')}
          {stat('Payback', formatMonths(score?.paybackMonths), 'roi-preview-payback')}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {score
            ? 'Gain = reach × baseline × lift × value × confidence, over the workspace horizon; ROI = (gain − cost) / cost.'
            : 'Fill in reach, baseline, lift, value, confidence and cost to see the score.'}
        </Text>
      </Stack>
    </Paper>
  );
}
