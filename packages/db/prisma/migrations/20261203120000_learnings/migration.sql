-- Learnings (issue 12, section 5): what the team learned from an ended experiment, one per experiment,
-- edited in place (every edit audited). Tags are stored normalised by the domain (lower-case, deduplicated).
CREATE TABLE "Learning" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Learning_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Learning_experimentId_key" ON "Learning"("experimentId");
CREATE INDEX "Learning_workspaceId_updatedAt_idx" ON "Learning"("workspaceId", "updatedAt");
-- The library's tag filter: `tags @> ARRAY[tag]` uses it.
CREATE INDEX "Learning_tags_idx" ON "Learning" USING GIN ("tags");

ALTER TABLE "Learning" ADD CONSTRAINT "Learning_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Learning" ADD CONSTRAINT "Learning_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Learning" ADD CONSTRAINT "Learning_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
