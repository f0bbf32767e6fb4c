import type { HypothesisStatus } from '@uplift/domain';

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

/** Every action code the services record (packages/services: recordAudit), as a person would say it. */
export const ACTION_LABEL: Record<string, string> = {
  'hypothesis.create': 'Created',
  'hypothesis.edit': 'Edited',
  'hypothesis.pin': 'Pinned',
  'hypothesis.unpin': 'Unpinned',
  'workspace.settings': 'Settings changed',
  'workspace.ladder': 'Ladder settings changed',
  'member.add': 'Member added',
  'member.invite': 'Member invited',
  'member.invite.revoke': 'Invitation revoked',
  'member.invite.decline': 'Invitation declined',
  'member.join': 'Member joined',
  'member.role': 'Role changed',
  'member.remove': 'Member removed',
  'experiment.create': 'Experiment created',
  'experiment.create+start': 'Experiment created and started',
  'experiment.rollout': 'Rollout started',
  'experiment.update': 'Experiment edited',
  'experiment.start': 'Experiment started',
  'experiment.stop': 'Experiment stopped',
  'experiment.retest': 'Offer tested again on this rung (new draft)',
  'experiment.winner': 'Winner chosen for the rest of the list',
  'experiment.complete': 'Experiment decided',
  'experiment.confirm': 'Decision confirmed',
  'experiment.report': 'Campaign report imported',
  'experiment.locations': 'Store sales imported',
  'experiment.covariates': 'Pre-period data imported',
  'experiment.locationPlan': 'Location test planned',
  'offer.promote': 'Promoted to the next channel',
  'offer.demote': 'Stepped back a channel',
  'offer.promotion.reject': 'Promotion declined',
  'offer.demotion.reject': 'Step back declined',
  'offer.readiness.pass': 'Readiness check passed',
  'offer.readiness.fail': 'Readiness check failed',
  'promotion.reach': 'Next rung reach set',
  'apiKey.create': 'API key created',
  'apiKey.revoke': 'API key revoked',
  'webhook.create': 'Webhook added',
  'webhook.disable': 'Webhook disabled',
  'learning.record': 'Learning recorded',
  'learning.edit': 'Learning edited',
};

/** A code recorded after this list was written still reads as words: `offer.retest` → "Offer retest". */
const asWords = (action: string) => {
  const words = action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[.+_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A verb for the event: a status change reads as what happened (Approved), not as "status". */
export function actionLabel(action: string, after: unknown): string {
  // The experiment services record a hypothesis's moves (to TESTING, WON, …) as `hypothesis.transition`.
  if (action === 'hypothesis.status' || action === 'hypothesis.transition') {
    const to =
      after && typeof after === 'object' ? ((after as { status?: unknown }).status as HypothesisStatus) : undefined;
    return (to && STATUS_VERB[to]) ?? 'Status changed';
  }
  return ACTION_LABEL[action] ?? asWords(action);
}

/** Who did it: a person's email, else the worker or a job acting on its own. */
export const actorLabel = (email: string | null) => email ?? 'Uplift (automatic)';
