import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Channel, ZStoredCapacity } from '@uplift/domain';
import { Link } from 'react-router';
import { useTRPC } from '../../lib/trpc';
import { expectedDuration } from './expected-duration';

/** Beside the planned users: how long they take on the channel's traffic (the workspace's capacity settings). */
export function DurationNote({ plannedUsers, channel }: { plannedUsers: number | null; channel: Channel }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions());
  if (!workspace.data) return null;
  const capacity = ZStoredCapacity.safeParse(workspace.data.capacity);
  const duration = expectedDuration(plannedUsers, channel, capacity.success ? capacity.data[channel] : undefined);
  if (!duration) return null;
  return (
    <Text size="xs" c={duration.known ? undefined : 'dimmed'} data-testid="planned-duration">
      {duration.known ? (
        duration.text
      ) : (
        <>
          Set this channel’s capacity in{' '}
          <Anchor component={Link} to="/settings" size="xs">
            settings
          </Anchor>{' '}
          to see how long the test will run.
        </>
      )}
    </Text>
  );
}
