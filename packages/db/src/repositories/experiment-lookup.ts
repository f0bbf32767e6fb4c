import { ZVariantDefinition } from '@uplift/domain';
import type { Tx } from '../client';

// Stored variants are normalised at creation: every one carries its weight.
const ZStoredVariants = ZVariantDefinition.required({ weight: true }).array();

/** Experiments with this key, in one workspace (by slug) or in all: what an offline split needs of each. */
export async function findExperimentsByKey(db: Tx, key: string, workspaceSlug?: string) {
  const rows = await db.experiment.findMany({
    where: { key, ...(workspaceSlug ? { workspace: { slug: workspaceSlug } } : {}) },
    select: {
      key: true,
      seed: true,
      variants: true,
      segmentAttribute: true,
      scopeSegments: true,
      testShare: true,
      winnerVariant: true,
      winnerReason: true,
      workspace: { select: { slug: true } },
    },
  });
  return rows.map((r) => ({
    key: r.key,
    seed: r.seed,
    segmentAttribute: r.segmentAttribute,
    scopeSegments: r.scopeSegments,
    winnerSend:
      r.testShare === null
        ? null
        : { testShare: r.testShare, winnerVariant: r.winnerVariant, winnerReason: r.winnerReason },
    workspaceSlug: r.workspace.slug,
    variants: ZStoredVariants.parse(r.variants),
  }));
}
