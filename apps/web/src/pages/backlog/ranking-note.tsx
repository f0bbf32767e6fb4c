import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

const tests = (n: number) => `${n} completed test${n === 1 ? '' : 's'}`;

/** Which ROI the stored priority order (the # column, the default sort) follows, and on how many results. */
export function RankingNote() {
  const trpc = useTRPC();
  const ranking = useQuery(trpc.insights.ranking.queryOptions());
  if (!ranking.data) return null;
  const { by, completedTests, calibratedFrom } = ranking.data;
  return (
    <Text size="sm" c="dimmed" data-testid="backlog-ranking" data-by={by}>
      {by === 'calibrated'
        ? `Ranked by calibrated ROI (${tests(completedTests)}).`
        : `Ranked by the authors' ROI until ${calibratedFrom} tests have completed (${completedTests} so far).`}
    </Text>
  );
}
