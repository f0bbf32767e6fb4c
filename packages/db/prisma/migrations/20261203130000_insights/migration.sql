-- Issue 12: the Insights figures per workspace, the calibrated ROI the backlog may rank by, currency and funnel stages.
ALTER TABLE "Workspace" ADD COLUMN "currency" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "hiddenFunnelStages" "FunnelStage"[] NOT NULL DEFAULT ARRAY[]::"FunnelStage"[];
ALTER TABLE "Hypothesis" ADD COLUMN "calibratedRoi" DOUBLE PRECISION;

CREATE TABLE "WorkspaceInsights" (
    "workspaceId" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "completedTests" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "WorkspaceInsights_pkey" PRIMARY KEY ("workspaceId")
);
ALTER TABLE "WorkspaceInsights" ADD CONSTRAINT "WorkspaceInsights_workspaceId_fkey"
    FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
