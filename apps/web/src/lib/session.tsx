import type { RouterOutputs } from '@uplift/api';
import type { Action } from '@uplift/domain';
import { createContext, useContext } from 'react';

export type Me = RouterOutputs['me']['get'];
export type WorkspaceOfMe = Me['workspaces'][number];

export interface Session {
  user: Me['user'];
  workspaces: Me['workspaces'];
  /** The workspace every workspace query runs in (its slug is the x-workspace header). */
  workspace: WorkspaceOfMe;
  /** Mirrors the api's permission table for this role: used to hide what the api would refuse. */
  can: (action: Action) => boolean;
  switchWorkspace: (slug: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionGate>.');
  return session;
}
