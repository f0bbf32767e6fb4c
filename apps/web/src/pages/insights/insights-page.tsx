import { Alert, Center, EmptyState, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartDots, IconInfoCircle } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/error-alert';
import { HowComputedDrawer } from './how-computed-drawer';
import { InsightsChartBlocks } from './insights-chart-blocks';
import { InsightsHeader } from './insights-header';
import { InsightsTableBlocks } from './insights-table-blocks';
import { PortfolioBlock } from './portfolio-block';
import { useInsights } from './use-insights';

/** What the workspace's completed tests earned and how well the team predicts them, as the worker last computed it. */
export function InsightsPage() {
  const { insights, recompute, recomputing, slow, recomputeError } = useInsights();
  const [how, { open, close }] = useDisclosure(false);
  const result = insights.data;
  return (
    <Stack gap="md" data-testid="insights-page">
      <InsightsHeader result={result} recomputing={recomputing} onRecompute={recompute} onHow={open} />
      <HowComputedDrawer opened={how} onClose={close} />
      {recomputeError && <ErrorAlert error={recomputeError} title="Could not ask for fresh figures" />}
      {slow && (
        <Alert color="yellow" variant="light" data-testid="insights-slow">
          The figures are still being computed (the worker is busy). They will update here once ready.
        </Alert>
      )}
      {insights.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : insights.isError ? (
        <ErrorAlert error={insights.error} onRetry={() => insights.refetch()} />
      ) : result === null || result === undefined ? (
        <EmptyState
          mt="lg"
          icon={<IconChartDots />}
          title="No figures yet"
          description="Either no test has completed yet, or the figures are being computed: they appear here on their own once ready."
          data-testid="insights-empty"
        />
      ) : (
        <>
          {result.figures.tooFewToCalibrate && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle />} data-testid="insights-too-few">
              <Text size="sm">
                Too few results to calibrate: below 5 completed tests, lifts are shown as measured (not shrunk for luck)
                and the lift ratio waits for more data.
              </Text>
            </Alert>
          )}
          <InsightsChartBlocks figures={result.figures} />
          <InsightsTableBlocks figures={result.figures} />
          <PortfolioBlock />
        </>
      )}
    </Stack>
  );
}
