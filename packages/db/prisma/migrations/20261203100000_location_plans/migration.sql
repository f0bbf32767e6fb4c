-- Planning a location test (issue 11): which locations to treat, computed by the worker's `location.plan` job
-- from historical weekly sales; the row holds the request, then the ranked result or the failure.
CREATE TYPE "LocationPlanStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

CREATE TABLE "LocationPlan" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "status" "LocationPlanStatus" NOT NULL DEFAULT 'QUEUED',
    "request" JSONB NOT NULL,
    "result" JSONB,
    "error" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "LocationPlan_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "LocationPlan_experimentId_createdAt_idx" ON "LocationPlan"("experimentId", "createdAt");
CREATE INDEX "LocationPlan_status_idx" ON "LocationPlan"("status");

ALTER TABLE "LocationPlan" ADD CONSTRAINT "LocationPlan_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
