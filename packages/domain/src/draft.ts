import type { z } from 'zod';
import { DomainError } from './errors';
import {
  type AnalysisSettings,
  normaliseVariants,
  type VariantDefinition,
  ZExperimentCreateInput,
  type ZExperimentUpdateInput,
} from './experiment';
import type { ExperimentMetrics } from './experiment-metrics';
import { type WinnerSendColumns, winnerSendColumns, winnerSendOf } from './winner-send/setup';

/** The part of an experiment a draft edit may change. */
export interface ExperimentSetup extends WinnerSendColumns {
  name: string;
  variants: VariantDefinition[];
  metrics: ExperimentMetrics;
  analysis: AnalysisSettings;
  plannedUsers: number;
  segmentAttribute: string | null;
}

/**
 * A draft with a patch applied. The merged setup is validated by the same schema as a new experiment
 * (ZExperimentCreateInput), so a draft can never hold what creation would refuse.
 */
export function mergeDraft(
  before: ExperimentSetup & { key: string; hypothesisId: string; channel: string; scopeSegments?: readonly string[] },
  patch: z.output<typeof ZExperimentUpdateInput>['patch'],
): ExperimentSetup {
  // A scope lists values of the segment attribute: under another attribute it would mean something else.
  if (before.scopeSegments?.length && patch.segmentAttribute !== undefined) {
    if (patch.segmentAttribute !== before.segmentAttribute) {
      throw new DomainError(
        'BAD_INPUT',
        `this experiment reaches ${before.scopeSegments.join(', ')} of ${before.segmentAttribute ?? 'segment'} only, so its segment attribute cannot change.`,
        'segmentAttribute',
      );
    }
  }
  const merged = ZExperimentCreateInput.parse({
    key: before.key,
    hypothesisId: before.hypothesisId,
    name: patch.name ?? before.name,
    variants: patch.variants ?? before.variants,
    metrics: patch.metrics ?? before.metrics,
    analysis: { ...before.analysis, ...(patch.analysis ?? {}) },
    plannedUsers: patch.plannedUsers ?? before.plannedUsers,
    segmentAttribute: patch.segmentAttribute !== undefined ? patch.segmentAttribute : before.segmentAttribute,
  });
  const plannedUsers = merged.plannedUsers ?? before.plannedUsers;
  // An unchanged winner send is checked again: fewer or more planned users move its minimum share.
  const winnerSend = patch.winnerSend !== undefined ? patch.winnerSend : winnerSendOf(before);
  return {
    ...winnerSendColumns(winnerSend, { channel: before.channel, plannedUsers }),
    name: merged.name ?? before.name,
    variants: normaliseVariants(merged.variants),
    metrics: merged.metrics,
    analysis: { ...before.analysis, ...merged.analysis },
    plannedUsers,
    segmentAttribute: merged.segmentAttribute ?? null,
  };
}
