-- The backlog's priority order as an index, so ranking a workspace's backlog is an index scan, not a sort
-- (packages/db/src/repositories/hypotheses.ts uses exactly this expression and column order).
-- schema.prisma cannot express an expression index; it lives here only.
CREATE INDEX "Hypothesis_backlog_rank_idx" ON "Hypothesis" (
  "workspaceId",
  ("status" IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'TESTING')) DESC,
  "pinnedRank" ASC NULLS LAST,
  "roi" DESC,
  "createdAt" ASC,
  "id" COLLATE "C" ASC
);
