import { markNotificationsRead as markRows, listNotifications as notificationRows } from '@uplift/db';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** The latest notifications with the caller's own read state. */
export const listNotifications = (deps: Pick<ServiceDeps, 'db'>, { workspace, actor }: ActingScope) =>
  notificationRows(deps.db, workspace.id, actor.id);

/** Marks every notification of the workspace read, for the caller only. */
export const markNotificationsRead = (deps: Pick<ServiceDeps, 'db'>, { workspace, actor }: ActingScope) =>
  markRows(deps.db, workspace.id, actor.id);
