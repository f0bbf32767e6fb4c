import { z } from 'zod';

/** Every job Uplift runs, by name, with its payload schema. Processors parse the payload before working. */
export const JOBS = {
  'backlog.rescore': z.object({
    workspaceId: z.string().min(1),
    horizonMonths: z.number().int().min(1).max(120),
  }),
  /** Scheduled: re-enqueues rescoring for workspaces whose rows lag their horizon (a job lost with Redis). */
  'backlog.reconcile': z.object({}),
  /** Evaluates one experiment from its aggregates; scheduled per experiment and requested after new data. */
  'experiment.evaluate': z.object({ experimentId: z.string().min(1) }),
  /** Scheduled: restores every running experiment's schedule and re-enqueues what Redis lost. */
  'experiment.reconcile': z.object({}),
  /** Recomputes a workspace's Insights figures and calibrated ROIs; requested when a test completes or a setting changes. */
  'insights.recompute': z.object({ workspaceId: z.string().min(1) }),
  /**
   * Plans a workspace's test roadmap and stores it; requested when an idea is approved or pinned, an experiment
   * starts, completes or stops, a capacity changes, or the calibrated gains are recomputed.
   */
  'roadmap.recompute': z.object({ workspaceId: z.string().min(1) }),
  /** Plans which locations a location test should treat (its LocationPlan row holds the request); long, reports progress. */
  'location.plan': z.object({ planId: z.string().min(1) }),
  /** Posts one webhook delivery (its row holds the payload); retried with exponential backoff. */
  'webhook.deliver': z.object({ deliveryId: z.string().min(1) }),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]>;

/** Progress reported by long jobs, shown in the UI as "done of total". */
export const ZJobProgress = z.object({ done: z.number().int(), total: z.number().int() });
export type JobProgress = z.infer<typeof ZJobProgress>;
