import { type Db, experimentStatusesById, listPromotionRows, readinessVerdicts, readLadder } from '@uplift/db';
import { type PromotionStatus, readinessState, rungPolicy, stepBlockers } from '@uplift/domain';

/**
 * Proposals, newest first, each with the state of the readiness gate before its target rung:
 * `not_needed`, `missing`, `failed` or `passed` (the latest check counts), the key of the experiment behind it,
 * and why it may not be approved yet (`blockers`, the reasons approval would be refused with; empty: it may).
 */
export async function listPromotions(db: Db, workspaceId: string, status?: PromotionStatus) {
  const [rows, { policies }] = await Promise.all([
    listPromotionRows(db, workspaceId, status),
    readLadder(db, workspaceId),
  ]);
  const [checks, sources] = await Promise.all([
    readinessVerdicts(
      db,
      rows.map((r) => r.offerId),
    ),
    experimentStatusesById(
      db,
      rows.map((r) => r.experimentId),
    ),
  ]);
  return rows.map((p) => {
    const gated = rungPolicy({ policies }, p.toRung).readinessGate;
    const offerChecks = checks.filter((c) => c.offerId === p.offerId);
    const source = sources.get(p.experimentId) ?? null;
    const step = { kind: p.kind, toRung: p.toRung, gated };
    return {
      ...p,
      experimentKey: source?.key ?? null,
      readiness: readinessState(step, offerChecks),
      blockers: p.status === 'PROPOSED' ? stepBlockers({ step, checks: offerChecks, source }) : [],
    };
  });
}
