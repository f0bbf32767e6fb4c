import {
  createLadderExperiment,
  experimentKeyTaken,
  findLadderExperiment,
  listOfferRows,
  recordAudit,
  setOfferState,
  transaction,
} from '@uplift/db';
import { DomainError, freeKey, offerStateAfter, retestProblem } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { mustGetExperiment } from '../experiments/must-get-experiment';
import type { WorkspaceScope } from './scope';

const RETEST_SUFFIX = /-retest(-\d+)?$/;

/**
 * A product owner tests a promoted offer again on the rung where its experiment was stopped: a new draft with
 * the stopped one's design, variants, metrics, reach and prior, audited (retestProblem says when it may).
 */
export function retestOnRung(deps: ServiceDeps, { workspace, actor }: WorkspaceScope, input: { key: string }) {
  return transaction(deps.db, async (tx) => {
    const stopped = await mustGetExperiment(tx, workspace.id, input.key);
    const [offer] = stopped.offerId ? await listOfferRows(tx, workspace.id, { id: stopped.offerId }) : [];
    const problem = retestProblem({ experiment: stopped, offer: offer ?? null });
    if (problem || !offer) throw new DomainError('CONFLICT', problem ?? 'No offer.', 'key');
    const source = await findLadderExperiment(tx, stopped.id);
    const key = await freeKey(`${source.key.replace(RETEST_SUFFIX, '')}-retest`, (k) =>
      experimentKeyTaken(tx, workspace.id, k),
    );
    const next = await createLadderExperiment(tx, source, {
      offerId: offer.id,
      key,
      name: `${source.name.replace(/ \(again\)$/, '')} (again)`,
      channel: offer.rung,
      design: source.design,
      startedAt: null,
      variants: source.variants,
      scopeSegments: source.scopeSegments,
      reachPerMonth: source.reachPerMonth ?? source.hypothesis.reachPerMonth,
      createdById: actor.id,
      priorFromExperimentId: source.priorFromExperimentId,
    });
    await setOfferState(tx, offer.id, offerStateAfter({ type: 'experiment.created', started: false }));
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'experiment',
      entityId: next.id,
      action: 'experiment.retest',
      before: { offerState: offer.state },
      after: { key, channel: next.channel, status: next.status, from: source.key },
    });
    return next;
  });
}
