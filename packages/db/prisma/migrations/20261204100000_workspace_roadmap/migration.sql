-- Issue 13 §3: the test roadmap as the worker last computed it (roadmap.recompute), with the time; the backlog
-- shows each approved idea's planned start week from it.
CREATE TABLE "WorkspaceRoadmap" (
    "workspaceId" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "WorkspaceRoadmap_pkey" PRIMARY KEY ("workspaceId")
);
ALTER TABLE "WorkspaceRoadmap" ADD CONSTRAINT "WorkspaceRoadmap_workspaceId_fkey"
    FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
