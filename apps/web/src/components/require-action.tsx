import { EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Action } from '@uplift/domain';
import type { ReactNode } from 'react';
import { humanize } from '../lib/format';
import { useSession } from '../lib/session';

/** A page for one action: people whose role lacks it get an explanation instead of a form the api refuses. */
export function RequireAction({ action, children }: { action: Action; children: ReactNode }) {
  const { can, workspace } = useSession();
  if (can(action)) return children;
  return (
    <EmptyState
      mt="xl"
      icon={<IconLock />}
      title="Not available for your role"
      description={`As ${humanize(workspace.role).toLowerCase()} in ${workspace.name} you cannot use this page.`}
      data-testid="forbidden"
    />
  );
}
