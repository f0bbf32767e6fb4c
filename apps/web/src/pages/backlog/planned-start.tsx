import { Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PlannedStart as Start } from '@uplift/domain';
import { formatDateTime, formatLift } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

/** Only ideas waiting for a test have a planned start: approved ones, and tested ones with a draft to run. */
const PLANNED_STATUSES = new Set(['APPROVED', 'TESTING']);

function words(start: Start): { text: string; why: string } {
  switch (start.kind) {
    case 'scheduled':
      return {
        text: start.startWeek === 0 ? 'planned start: this week' : `planned start: week ${start.startWeek}`,
        why: `Weeks ${start.startWeek}–${start.endWeek} of the test roadmap (week 0 is this week).`,
      };
    case 'tooSmall':
      return {
        text: 'too small to detect',
        why:
          start.detectableLift === null
            ? 'No lift is detectable at this channel’s rate within the longest test.'
            : `Within the longest test, the smallest detectable lift is ${formatLift(start.detectableLift)}.`,
      };
    case 'unschedulable':
      return { text: 'not sizable', why: start.reason };
    case 'noCapacity':
      return { text: 'not planned', why: start.message };
  }
}

/**
 * An idea's planned start week from the roadmap the worker stored (roadmap.get), under its status in the
 * backlog; nothing for ideas the roadmap does not plan. Asks again while the first plan is being computed.
 */
export function PlannedStart({ hypothesisId, status }: { hypothesisId: string; status: string }) {
  const trpc = useTRPC();
  const stored = useQuery(
    trpc.roadmap.get.queryOptions(undefined, {
      enabled: PLANNED_STATUSES.has(status),
      staleTime: 30_000,
      refetchInterval: (q) => (q.state.data === null ? 3_000 : false),
    }),
  );
  const start = stored.data?.starts[hypothesisId];
  if (!PLANNED_STATUSES.has(status) || !stored.data || !start) return null;
  const { text, why } = words(start);
  return (
    <Tooltip label={`${why} Planned ${formatDateTime(stored.data.computedAt)}.`} multiline w={280}>
      <Text size="xs" c="dimmed" mt={4} data-testid="planned-start" data-kind={start.kind}>
        {text}
      </Text>
    </Tooltip>
  );
}
