import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { RANKED_STATUSES } from '@uplift/domain';
import { useTRPC } from '../../lib/trpc';
import { calibrationSentence } from './calibration-sentence';
import type { HypothesisDetail } from './hypothesis-actions';

/**
 * Under the ROI: how the workspace's results recalibrate it. Only open ideas are calibrated; before the Insights
 * job has given this one an entry the note says so.
 */
export function CalibratedRoiNote({ hypothesis }: { hypothesis: Pick<HypothesisDetail, 'id' | 'status'> }) {
  const trpc = useTRPC();
  const open = RANKED_STATUSES.includes(hypothesis.status);
  const query = useQuery({ ...trpc.insights.forHypothesis.queryOptions({ id: hypothesis.id }), enabled: open });
  if (!open || query.isPending) return null;
  if (query.isError) {
    return (
      <Text size="xs" c="red.7" data-testid="calibrated-roi-note">
        The calibrated ROI could not be loaded: {query.error.message}
      </Text>
    );
  }
  const calibrated = query.data.calibrated;
  return (
    <Text size="xs" c="dimmed" data-testid="calibrated-roi-note" data-calibrated={calibrated ? 'yes' : 'no'}>
      {calibrated ? calibrationSentence(calibrated) : 'Calibrated ROI: not calibrated yet.'}
    </Text>
  );
}
