-- The backlog's priority order is kept on each row (re-ranked after every change that moves it, see
-- rerankBacklog in packages/db/src/repositories/hypotheses.ts) instead of being computed per listing:
-- listing a 10,000-item backlog then needs no window over the whole workspace.
ALTER TABLE "Hypothesis" ADD COLUMN "backlogOrder" INTEGER;

-- Search matches one lower-cased column instead of four case-folded ones.
-- Not in schema.prisma (Prisma cannot express a generated column); only raw SQL reads it.
ALTER TABLE "Hypothesis" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (
  lower("title" || ' ' || "statement" || ' ' || "segment" || ' ' || "offer")
) STORED;

-- Room on each page for HOT updates: rescoring and re-ranking rewrite unindexed columns of many rows.
ALTER TABLE "Hypothesis" SET (fillfactor = 80);

UPDATE "Hypothesis" h SET "backlogOrder" = r.n
FROM (
  SELECT id, row_number() OVER (
    PARTITION BY "workspaceId"
    ORDER BY ("status" IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'TESTING')) DESC, "pinnedRank" ASC NULLS LAST,
             "roi" DESC, "createdAt" ASC, "id" COLLATE "C"
  ) AS n
  FROM "Hypothesis"
) r
WHERE h.id = r.id;
