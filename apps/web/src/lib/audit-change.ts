import type { HypothesisStatus } from '@uplift/domain';

export interface Change {
  key: string;
  from?: unknown;
  to?: unknown;
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;

// A create event stores the whole row; these few keys are what a reader wants from it.
const SUMMARY_KEYS = ['title', 'status', 'email', 'role', 'horizonMonths', 'pinnedRank', 'experimentKey', 'tags'];

/** What an audit event changed, as key: before → after pairs (only the keys that differ). */
export function changesOf(before: unknown, after: unknown): Change[] {
  const b = asObject(before);
  const a = asObject(after);
  if (b && a) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .map((k) => ({ key: k, from: b[k], to: a[k] }));
  }
  if (a) return SUMMARY_KEYS.filter((k) => a[k] != null).map((k) => ({ key: k, to: a[k] }));
  if (b) return SUMMARY_KEYS.filter((k) => b[k] != null).map((k) => ({ key: k, from: b[k] }));
  return [];
}

const STATUS_VERB: Partial<Record<HypothesisStatus, string>> = {
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  DRAFT: 'Back to draft',
  ARCHIVED: 'Archived',
  TESTING: 'Testing started',
  WON: 'Won',
  LOST: 'Lost',
  INCONCLUSIVE: 'Inconclusive',
};

const ACTION_LABEL: Record<string, string> = {
  'hypothesis.create': 'Created',
  'hypothesis.edit': 'Edited',
  'hypothesis.pin': 'Pinned',
  'hypothesis.unpin': 'Unpinned',
  'workspace.settings': 'Settings changed',
  'member.add': 'Member added',
  'member.invite': 'Member invited',
  'member.invite.revoke': 'Invitation revoked',
  'member.invite.decline': 'Invitation declined',
  'member.join': 'Member joined',
  'member.role': 'Role changed',
  'member.remove': 'Member removed',
  'experiment.create': 'Experiment created',
  'experiment.create+start': 'Experiment created and started',
  'experiment.start': 'Experiment started',
  'experiment.stop': 'Experiment stopped',
  'experiment.complete': 'Experiment decided',
  'experiment.confirm': 'Decision confirmed',
  'apiKey.create': 'API key created',
  'apiKey.revoke': 'API key revoked',
  'webhook.create': 'Webhook added',
  'webhook.disable': 'Webhook disabled',
  'promotion.reach': 'Next rung reach set',
  'learning.record': 'Learning recorded',
  'learning.edit': 'Learning edited',
};

/** A verb for the event: a status change reads as what happened (Approved), not as "status". */
export function actionLabel(action: string, after: unknown): string {
  // The experiment services record a hypothesis's moves (to TESTING, WON, …) as `hypothesis.transition`.
  if (action === 'hypothesis.status' || action === 'hypothesis.transition') {
    const to = asObject(after)?.status as HypothesisStatus | undefined;
    return (to && STATUS_VERB[to]) ?? 'Status changed';
  }
  return ACTION_LABEL[action] ?? action;
}
