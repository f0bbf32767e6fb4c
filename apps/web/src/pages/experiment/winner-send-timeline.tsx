import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { decisionDeadline, remainderEarnings, winnerSendOf } from '@uplift/domain';
import { formatAmount, formatCount, formatDateTime, formatLift, formatRate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { analysisOf, type ExperimentRow, type Results } from './types';

/**
 * A winner send's timeline (test sent, decision, remainder sent) and what the remainder earned at the measured
 * lift: remainder units × the control's rate × the winner's relative lift, valued at the hypothesis' value per
 * conversion ("Winner sends" in the README).
 */
export function WinnerSendTimeline({ experiment, results }: { experiment: ExperimentRow; results: Results }) {
  const trpc = useTRPC();
  // The page's own query (cached): the hypothesis it tests carries the value per conversion.
  const detail = useQuery(trpc.experiment.get.queryOptions({ key: experiment.key }));
  const valuePerConversion = detail.data?.hypothesis.valuePerConversion;
  const setup = winnerSendOf(experiment);
  if (!setup) return null;
  const { startedAt, winnerVariant, winnerDecidedAt, remainderSentAt } = experiment;
  const deadline = startedAt ? decisionDeadline(new Date(startedAt), setup.decisionHours) : null;
  const analysis = analysisOf(results.analysis);
  const control = analysis?.variants[0];
  const winner = analysis?.variants.find((v) => v.key === winnerVariant);
  const lift =
    winnerVariant && control?.mean && winner?.mean != null && winner !== control ? winner.mean / control.mean - 1 : 0;
  const earned =
    winnerVariant && control?.mean != null
      ? remainderEarnings({
          ...setup,
          controlRate: control.mean,
          relativeLift: lift,
          valuePerConversion: valuePerConversion ?? 0,
        })
      : null;
  const active = remainderSentAt ? 2 : winnerDecidedAt ? 1 : startedAt ? 0 : -1;
  return (
    <Paper withBorder p="md" data-testid="winner-send-timeline">
      <Stack gap="sm">
        <Title order={4}>Winner send</Title>
        <Text size="sm" c="dimmed">
          {formatCount(setup.audienceSize)} on the list; {formatRate(setup.testShare)} tested, the rest gets the winner.
        </Text>
        <Timeline active={active} bulletSize={14} lineWidth={2}>
          <Timeline.Item title="Test sent" data-testid="timeline-test">
            <Text size="xs" c="dimmed">
              {startedAt ? formatDateTime(startedAt) : 'Not started'}
            </Text>
          </Timeline.Item>
          <Timeline.Item title="Decision" data-testid="timeline-decision">
            <Text size="xs" c="dimmed">
              {winnerDecidedAt
                ? `${formatDateTime(winnerDecidedAt)}. ${experiment.winnerReason ?? `The remainder gets “${winnerVariant}”.`}`
                : deadline
                  ? `Due by ${formatDateTime(deadline)} (${setup.decisionHours} h after the send); until then the remainder waits`
                  : `${setup.decisionHours} h after the send at the latest`}
            </Text>
          </Timeline.Item>
          <Timeline.Item title="Remainder sent" data-testid="timeline-remainder">
            <Text size="xs" c="dimmed">
              {remainderSentAt ? formatDateTime(remainderSentAt) : 'Not yet: its first event marks it sent'}
            </Text>
          </Timeline.Item>
        </Timeline>
        {earned && (
          <Text size="sm" data-testid="remainder-earned">
            The remainder ({formatCount(earned.units)} recipients) earned about{' '}
            <b>{formatCount(Math.round(earned.extraConversions))} extra conversions</b>
            {valuePerConversion ? <> (≈ {formatAmount(earned.value)})</> : null} at the measured lift of{' '}
            {formatLift(lift)} over the control's {formatRate(control?.mean ?? 0)} rate.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
