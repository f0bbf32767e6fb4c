import type { Actor } from '../deps';

/** Who acts, in which workspace. */
export interface WorkspaceScope {
  workspace: { id: string };
  actor: Actor;
}
