import type { Channel, ExperimentSetup, LocationSplitRecord } from '@uplift/domain';
import type { Tx } from '../client';
import { toJsonValue } from '../json';
import { toExperimentRecord } from './experiment-row';

export interface NewExperiment extends ExperimentSetup {
  workspaceId: string;
  hypothesisId: string;
  offerId: string;
  key: string;
  channel: Channel;
  status: 'DRAFT' | 'RUNNING';
  startedAt: Date | null;
  seed: string;
  reachPerMonth: number;
  createdById: string;
}

/** Inserts an experiment; a taken key in the workspace is a unique violation (`isUniqueViolation`). */
export async function insertExperiment(tx: Tx, e: NewExperiment) {
  const row = await tx.experiment.create({
    data: {
      ...e,
      variants: toJsonValue(e.variants),
      metrics: toJsonValue(e.metrics),
      analysis: toJsonValue(e.analysis),
    },
  });
  return toExperimentRecord(row);
}

/** Rewrites a draft's setup (the caller has checked it is a draft and validated the merge). */
export async function updateExperimentSetup(tx: Tx, id: string, setup: ExperimentSetup) {
  const row = await tx.experiment.update({
    where: { id },
    data: {
      ...setup,
      variants: toJsonValue(setup.variants),
      metrics: toJsonValue(setup.metrics),
      analysis: toJsonValue(setup.analysis),
    },
  });
  return toExperimentRecord(row);
}

export async function markExperimentRunning(tx: Tx, id: string, now: Date) {
  return toExperimentRecord(await tx.experiment.update({ where: { id }, data: { status: 'RUNNING', startedAt: now } }));
}

export async function markExperimentStopped(tx: Tx, id: string, now: Date, reason: string | null) {
  const row = await tx.experiment.update({
    where: { id },
    data: { status: 'STOPPED', endedAt: now, stopReason: reason },
  });
  return toExperimentRecord(row);
}

/**
 * New data arrived (a report, location sales): the data version moves on, so the next evaluation sees it, and
 * the no-data alert may fire again later. A location test's first upload also stores its split.
 */
export async function recordDataArrival(tx: Tx, id: string, now: Date, locationSplit?: LocationSplitRecord) {
  await tx.experiment.update({
    where: { id },
    data: {
      ...(locationSplit ? { locationSplit: toJsonValue(locationSplit) } : {}),
      dataVersion: { increment: 1 },
      lastDataAt: now,
      noDataAlertedAt: null,
    },
  });
}
