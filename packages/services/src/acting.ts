import type { Actor } from './deps';

/** Who acts, in which workspace: what the transport resolved (membership, permission) before a use case runs. */
export interface ActingScope<W extends { id: string } = { id: string }> {
  workspace: W;
  actor: Actor;
}
