import { Button, Center, EmptyState, Loader, Stack } from '@mantine/core';
import { IconBuildingOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action } from '@uplift/domain';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { httpStatusOf } from '../lib/errors';
import { type Session, SessionContext } from '../lib/session';
import { useTRPC } from '../lib/trpc';
import { useSignOut } from '../lib/use-sign-out';
import { readWorkspaceSlug, writeWorkspaceSlug } from '../lib/workspace-slug';
import { ErrorAlert } from './error-alert';
import { PendingInvitations } from './pending-invitations';

/** Renders its children only for a signed-in member of a workspace; everyone else goes to sign in. */
export function SessionGate({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useSignOut();
  const me = useQuery(trpc.me.get.queryOptions());
  const [chosen, setChosen] = useState(readWorkspaceSlug);

  const workspaces = me.data?.workspaces ?? [];
  // A stale slug (removed from that workspace, another user on this browser) falls back to the first.
  const workspace = workspaces.find((w) => w.slug === chosen) ?? workspaces[0];
  // Written during render, not in an effect: the pages below fire their queries right after this render,
  // and each must already carry the right x-workspace header.
  if (workspace && workspace.slug !== readWorkspaceSlug()) writeWorkspaceSlug(workspace.slug);

  const switchWorkspace = useCallback(
    (slug: string) => {
      writeWorkspaceSlug(slug);
      setChosen(slug);
      // Everything but `me` belongs to the old workspace.
      queryClient.removeQueries({ predicate: (q) => !isMeQuery(q.queryKey) });
      navigate('/');
    },
    [queryClient, navigate],
  );

  const session = useMemo<Session | null>(() => {
    if (!me.data || !workspace) return null;
    const actions = new Set<Action>(workspace.actions);
    return {
      user: me.data.user,
      workspaces: me.data.workspaces,
      workspace,
      can: (action) => actions.has(action),
      switchWorkspace,
    };
  }, [me.data, workspace, switchWorkspace]);

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader data-testid="session-loading" />
      </Center>
    );
  }
  if (me.isError) {
    if (httpStatusOf(me.error) === 401) return <Navigate to="/sign-in" replace state={{ from: location }} />;
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={me.error} onRetry={() => me.refetch()} />
      </Center>
    );
  }
  if (!session) {
    return (
      <Center h="100vh" p="md">
        <Stack maw={640} w="100%">
          <PendingInvitations />
          <EmptyState
            icon={<IconBuildingOff />}
            title="No workspace yet"
            description="Accept an invitation above, or ask a workspace admin to invite you."
          >
            <EmptyState.Actions>
              <Button variant="default" onClick={signOut}>
                Sign out
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Stack>
      </Center>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

// tRPC query keys start with the procedure path, e.g. [['me', 'get'], {...}].
const isMeQuery = (key: readonly unknown[]) => Array.isArray(key[0]) && key[0][0] === 'me';
