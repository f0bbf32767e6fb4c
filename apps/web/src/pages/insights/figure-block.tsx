import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** One plain sentence: what the block shows and how to read it. */
  explanation: ReactNode;
  testId: string;
  children: ReactNode;
}

/** One block of the Insights page: a title, a one-line explanation, then the chart or table. */
export function FigureBlock({ title, explanation, testId, children }: Props) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <div>
          <Title order={4}>{title}</Title>
          <Text size="sm" c="dimmed">
            {explanation}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
