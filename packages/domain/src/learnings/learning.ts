import { z } from 'zod';
import { CHANNELS, FUNNEL_STAGES, type Role } from '../enums';
import type { ExperimentStatus } from '../experiment';
import { can } from '../permissions';
import { int4, text } from '../zod-safe';

export const LEARNING_TEXT_MIN = 10;
export const LEARNING_TEXT_MAX = 2000;
export const LEARNING_TAGS_MAX = 10;
export const LEARNING_TAG_MAX = 40;

/** The experiment statuses a learning may be recorded for: it has ended, by a decision or by a stop. */
export const LEARNABLE_STATUSES = ['COMPLETED', 'STOPPED'] as const satisfies readonly ExperimentStatus[];

/** What the library shows as an experiment's result: its decision, or STOPPED when it was stopped undecided. */
export const LEARNING_OUTCOMES = ['WIN', 'LOSS', 'INCONCLUSIVE', 'STOPPED'] as const;
export type LearningOutcome = (typeof LEARNING_OUTCOMES)[number];

/** One tag as stored: trimmed, lower-case, inner whitespace collapsed ("Free  Shipping" → "free shipping"). */
export const normaliseTag = (tag: string) => tag.trim().replace(/\s+/g, ' ').toLowerCase();

/** Tags as stored: normalised, blanks dropped, duplicates after normalising kept once, first-seen order. */
export const normaliseTags = (tags: readonly string[]) => [...new Set(tags.map(normaliseTag).filter(Boolean))];

// Loose bounds on what arrives (blanks and duplicates are dropped, not refused); the real ones after normalising.
const ZTags = z
  .array(text().max(200, `each tag must be at most ${LEARNING_TAG_MAX} characters`))
  .max(100, `at most ${LEARNING_TAGS_MAX} tags`)
  .transform(normaliseTags)
  .pipe(
    z
      .array(
        z
          .string()
          .min(1, 'each tag must have 1 character or more')
          .max(LEARNING_TAG_MAX, `each tag must be at most ${LEARNING_TAG_MAX} characters`),
      )
      .max(LEARNING_TAGS_MAX, `at most ${LEARNING_TAGS_MAX} tags`),
  );

/** Record or replace the learning of an experiment (one per experiment; a second save edits it). */
export const ZLearningInput = z.object({
  experimentKey: text().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  text: text()
    .trim()
    .min(LEARNING_TEXT_MIN, `must be at least ${LEARNING_TEXT_MIN} characters`)
    .max(LEARNING_TEXT_MAX, `must be at most ${LEARNING_TEXT_MAX} characters`),
  tags: ZTags.default([]),
});
export type LearningInput = z.input<typeof ZLearningInput>;

const search = text().trim().max(200, 'must be at most 200 characters');

/** The library's filters: any combination, each optional; `search` matches the text, tags and experiment. */
export const ZLearningQuery = z.object({
  funnelStage: z.enum(FUNNEL_STAGES).optional(),
  channel: z.enum(CHANNELS).optional(),
  tag: text().max(200).transform(normaliseTag).optional(),
  outcome: z.enum(LEARNING_OUTCOMES).optional(),
  search: search.optional(),
  limit: z.coerce.number().int().min(1, 'must be 1–200').max(200, 'must be 1–200').default(50),
  offset: z.coerce.number().pipe(int4()).default(0),
});
export type LearningQuery = z.input<typeof ZLearningQuery>;

/** What the new-hypothesis form has filled in so far; every field may still be empty. */
export const ZRelatedLearningsQuery = z.object({
  funnelStage: z.enum(FUNNEL_STAGES).optional(),
  channel: z.enum(CHANNELS).optional(),
  title: search.optional(),
  statement: text().max(4000).optional(),
  offer: search.optional(),
  limit: z.number().int().min(1).max(20).default(5),
});
export type RelatedLearningsQuery = z.input<typeof ZRelatedLearningsQuery>;

/** Why an experiment cannot get a learning yet, or null when it can. */
export function learningRefusal(status: ExperimentStatus): string | null {
  if ((LEARNABLE_STATUSES as readonly string[]).includes(status)) return null;
  return `Learnings are recorded once an experiment has ended (completed or stopped); this one is ${status.toLowerCase()}.`;
}

/** The result the library shows: a stopped test says so, a completed one its decision (null if it had none). */
export function learningOutcome(status: ExperimentStatus, outcome: string | null): LearningOutcome | null {
  if (status === 'STOPPED') return 'STOPPED';
  return (LEARNING_OUTCOMES as readonly string[]).includes(outcome ?? '') ? (outcome as LearningOutcome) : null;
}

/** Roles that may record on any experiment; others (with `learning.record`) only on the ones they created. */
export const LEARNING_EDITOR_ROLES = ['PRODUCT_OWNER', 'ADMIN'] as const satisfies readonly Role[];

/** The experiment's owner (its creator), a product owner or an admin may record what it taught. */
export function mayRecordLearning(role: Role, actorId: string, createdById: string | null): boolean {
  if (!can(role, 'learning.record')) return false;
  return (LEARNING_EDITOR_ROLES as readonly Role[]).includes(role) || (createdById !== null && createdById === actorId);
}
