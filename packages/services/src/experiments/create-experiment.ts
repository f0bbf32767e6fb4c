import {
  ensureOffer,
  getHypothesis,
  insertExperiment,
  isUniqueViolation,
  recordAudit,
  rerankBacklog,
  setHypothesisStatus,
  setOfferState,
  transaction,
} from '@uplift/db';
import {
  analysisSettingsFor,
  assertTransition,
  channelWord,
  DomainError,
  type ExperimentCreateInput,
  type LadderChannel,
  normaliseVariants,
  plannedUsersFor,
  winnerSendColumns,
  ZExperimentCreateInput,
} from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { requestRoadmap } from '../roadmap/request-roadmap';
import { scheduleEvaluationOrWarn } from './evaluation-jobs';
import type { ExperimentScope } from './scope';

/**
 * Opens an experiment for an APPROVED hypothesis, which becomes TESTING; both changes and their audit entries
 * land in one transaction. With `start`, it runs at once and its evaluation is scheduled.
 */
export async function createExperiment(
  deps: ServiceDeps,
  { workspace, actor }: ExperimentScope,
  raw: ExperimentCreateInput,
) {
  const input = ZExperimentCreateInput.parse(raw);
  const variants = normaliseVariants(input.variants);
  const now = deps.clock();
  const created = await transaction(deps.db, async (tx) => {
    const hypothesis = await getHypothesis(tx, workspace.id, input.hypothesisId);
    if (!hypothesis)
      throw new DomainError('NOT_FOUND', `No hypothesis ${input.hypothesisId} in this workspace.`, 'hypothesisId');
    if (hypothesis.status !== 'APPROVED') {
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        `Only an APPROVED hypothesis can be tested; this one is ${hypothesis.status}.`,
        'hypothesisId',
      );
    }
    const analysis = analysisSettingsFor(workspace, input.analysis, hypothesis);
    assertTransition('APPROVED', 'TESTING');
    // The channel ladder: an offer is tested on the rung it stands on (new offers on the first); it reaches a
    // higher, costlier rung only by winning below.
    const ladder = workspace.ladder as LadderChannel[];
    const offer = await ensureOffer(tx, { workspaceId: workspace.id, hypothesis, ladder });
    const channel = input.channel ?? offer.rung;
    if (channel !== offer.rung) {
      throw new DomainError(
        'CONFLICT',
        `"${offer.name}" stands on the ${channelWord(offer.rung)} rung; it reaches ${channelWord(channel)} only by winning there first.`,
        'channel',
      );
    }
    const plannedUsers = input.plannedUsers ?? plannedUsersFor(hypothesis, analysis.alpha, variants.length);
    const winnerSend = winnerSendColumns(input.winnerSend, { channel, plannedUsers });
    await setOfferState(tx, offer.id, input.start ? 'TESTING' : 'READY');
    const experiment = await insertExperiment(tx, {
      workspaceId: workspace.id,
      hypothesisId: hypothesis.id,
      offerId: offer.id,
      key: input.key,
      name: input.name ?? hypothesis.title,
      channel,
      status: input.start ? 'RUNNING' : 'DRAFT',
      startedAt: input.start ? now : null,
      seed: input.key,
      variants,
      metrics: input.metrics,
      analysis,
      plannedUsers,
      segmentAttribute: input.segmentAttribute ?? null,
      ...winnerSend,
      // The rung's own reach starts as the hypothesis' (a product owner may set another on a step up).
      reachPerMonth: hypothesis.reachPerMonth,
      createdById: actor.id,
    });
    await setHypothesisStatus(tx, hypothesis.id, 'TESTING');
    const audit = { workspaceId: workspace.id, actor };
    await recordAudit(tx, {
      ...audit,
      entityType: 'experiment',
      entityId: experiment.id,
      action: input.start ? 'experiment.create+start' : 'experiment.create',
      after: experiment,
    });
    await recordAudit(tx, {
      ...audit,
      entityType: 'hypothesis',
      entityId: hypothesis.id,
      action: 'hypothesis.transition',
      before: { status: hypothesis.status },
      after: { status: 'TESTING', experiment: experiment.key },
    });
    return experiment;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new DomainError(
        'CONFLICT',
        `An experiment with key "${input.key}" already exists in this workspace.`,
        'key',
      );
    }
    throw error;
  });
  await rerankBacklog(deps.db, workspace.id);
  await requestRoadmap(deps, workspace.id);
  if (created.status === 'RUNNING') {
    await scheduleEvaluationOrWarn(deps, created.id, workspace.evaluationIntervalMinutes);
  }
  return created;
}
