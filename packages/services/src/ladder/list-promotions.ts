import { type Db, experimentKeysById, listPromotionRows, readinessVerdicts, readLadder } from '@uplift/db';
import { type PromotionStatus, readinessState, rungPolicy } from '@uplift/domain';

/**
 * Proposals, newest first, each with the state of the readiness gate before its target rung:
 * `not_needed`, `missing`, `failed` or `passed` (the latest check counts), and the key of the experiment behind it.
 */
export async function listPromotions(db: Db, workspaceId: string, status?: PromotionStatus) {
  const [rows, { policies }] = await Promise.all([
    listPromotionRows(db, workspaceId, status),
    readLadder(db, workspaceId),
  ]);
  const [checks, keys] = await Promise.all([
    readinessVerdicts(
      db,
      rows.map((r) => r.offerId),
    ),
    experimentKeysById(
      db,
      rows.map((r) => r.experimentId),
    ),
  ]);
  return rows.map((p) => {
    const gated = rungPolicy({ policies }, p.toRung).readinessGate;
    const offerChecks = checks.filter((c) => c.offerId === p.offerId);
    return {
      ...p,
      experimentKey: keys.get(p.experimentId) ?? null,
      readiness: readinessState({ kind: p.kind, toRung: p.toRung, gated }, offerChecks),
    };
  });
}
