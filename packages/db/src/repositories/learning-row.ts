import {
  type Channel,
  type ExperimentStatus,
  type FunnelStage,
  headlineLift,
  type LearningOutcome,
  learningOutcome,
} from '@uplift/domain';
import { Prisma } from '../generated/prisma/client';

/** A learning as the library and the new-hypothesis form show it: with its experiment, result and context. */
export interface LearningRow {
  id: string;
  text: string;
  tags: string[];
  authorId: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  experiment: { id: string; key: string; name: string; status: ExperimentStatus; channel: Channel };
  hypothesis: { id: string; title: string; funnelStage: FunnelStage };
  outcome: LearningOutcome | null;
  /** The headline relative lift of the newest snapshot (domain `headlineLift`); null without an estimate. */
  lift: number | null;
}

/** One raw row of LEARNING_COLUMNS. */
export interface RawLearning {
  id: string;
  text: string;
  tags: string[] | null;
  authorId: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  experimentId: string;
  experimentKey: string;
  experimentName: string;
  experimentStatus: ExperimentStatus;
  outcome: string | null;
  channel: Channel;
  hypothesisId: string;
  hypothesisTitle: string;
  funnelStage: FunnelStage;
  analysis: unknown;
  winner: string | null;
}

/**
 * The columns and joins every learning listing reads: the learning `l`, its experiment `e`, the hypothesis `h`
 * it tested (whose funnel stage the learning belongs to), the author and the newest snapshot (for the lift).
 */
export const LEARNING_COLUMNS = Prisma.sql`
  l.id, l.text, l.tags, l."authorId", u.name AS "authorName", l."createdAt", l."updatedAt",
         e.id AS "experimentId", e.key AS "experimentKey", e.name AS "experimentName",
         e.status::text AS "experimentStatus", e.outcome::text AS outcome, e.channel::text AS channel,
         h.id AS "hypothesisId", h.title AS "hypothesisTitle", h."funnelStage"::text AS "funnelStage",
         s.analysis, s.winner`;

export const LEARNING_FROM = Prisma.sql`
  "Learning" l
  JOIN "Experiment" e ON e.id = l."experimentId"
  JOIN "Hypothesis" h ON h.id = e."hypothesisId"
  JOIN "user" u ON u.id = l."authorId"
  LEFT JOIN LATERAL (
    SELECT x.analysis, x.winner FROM "ExperimentSnapshot" x
    WHERE x."experimentId" = e.id ORDER BY x."dataVersion" DESC LIMIT 1
  ) s ON true`;

export const LEARNING_SELECT = Prisma.sql`SELECT ${LEARNING_COLUMNS} FROM ${LEARNING_FROM}`;

export function toLearningRow(r: RawLearning): LearningRow {
  return {
    id: r.id,
    text: r.text,
    tags: r.tags ?? [],
    authorId: r.authorId,
    authorName: r.authorName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    experiment: {
      id: r.experimentId,
      key: r.experimentKey,
      name: r.experimentName,
      status: r.experimentStatus,
      channel: r.channel,
    },
    hypothesis: { id: r.hypothesisId, title: r.hypothesisTitle, funnelStage: r.funnelStage },
    outcome: learningOutcome(r.experimentStatus, r.outcome),
    lift: headlineLift(r.analysis, r.winner),
  };
}
