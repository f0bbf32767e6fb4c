import { type Db, latestSnapshot } from '@uplift/db';
import { inAnalyzeOrder } from './analysis-order';
import { mustGetExperiment } from './experiments';

/** `GET /v1/experiments/KEY/results`: the latest evaluation, the decision and progress to the planned sample. */
export async function experimentResults(db: Db, workspaceId: string, key: string, now = new Date()) {
  const experiment = await mustGetExperiment(db, workspaceId, key);
  const snapshot = await latestSnapshot(db, experiment.id);
  const users = snapshot?.users ?? 0;
  const started = experiment.startedAt?.getTime();
  const elapsedDays = started ? (now.getTime() - started) / 86_400_000 : 0;
  const perDay = elapsedDays > 0 ? users / elapsedDays : 0;
  const remaining = Math.max(0, experiment.plannedUsers - users);
  return {
    experiment: experiment.key,
    name: experiment.name,
    status: experiment.status,
    evaluatedAt: snapshot?.evaluatedAt.toISOString() ?? null,
    dataVersion: experiment.dataVersion,
    analysis: inAnalyzeOrder(snapshot?.analysis ?? null),
    guardrails: ((snapshot?.guardrails ?? []) as { analysis: unknown }[]).map((g) => ({
      ...g,
      analysis: inAnalyzeOrder(g.analysis),
    })),
    segments:
      ((snapshot?.segments ?? null) as { analysis: unknown }[] | null)?.map((s) => ({
        ...s,
        analysis: inAnalyzeOrder(s.analysis),
      })) ?? null,
    decision: snapshot
      ? { outcome: snapshot.outcome, reason: snapshot.reason, winner: snapshot.winner }
      : { outcome: 'NO_DATA', reason: 'Not evaluated yet: no data has arrived.', winner: null },
    pendingConfirmation: experiment.pendingOutcome,
    progress: {
      users,
      plannedUsers: experiment.plannedUsers,
      fraction: Math.min(1, users / experiment.plannedUsers),
      daysLeft: remaining === 0 ? 0 : perDay > 0 ? Math.ceil(remaining / perDay) : null,
    },
    unattributed: experiment.unattributedEvents,
  };
}
