-- The channel ladder (issue "The channel ladder"): offers climbing the workspace's rungs, promotion proposals,
-- readiness checks. PUSH and SMS join the channels a ladder may use.
ALTER TYPE "Channel" ADD VALUE IF NOT EXISTS 'PUSH';
ALTER TYPE "Channel" ADD VALUE IF NOT EXISTS 'SMS';

ALTER TABLE "Workspace"
    ADD COLUMN "ladder" "Channel"[] NOT NULL DEFAULT ARRAY['EMAIL', 'BANNER', 'OFFLINE']::"Channel"[],
    ADD COLUMN "ladderPolicies" JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN "priorDiscount" DOUBLE PRECISION NOT NULL DEFAULT 4;

CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "hypothesisId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rung" "Channel" NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'TESTING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Offer_hypothesisId_key" ON "Offer"("hypothesisId");
CREATE INDEX "Offer_workspaceId_rung_idx" ON "Offer"("workspaceId", "rung");
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_hypothesisId_fkey" FOREIGN KEY ("hypothesisId") REFERENCES "Hypothesis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Experiment"
    ADD COLUMN "offerId" TEXT,
    ADD COLUMN "priorFromExperimentId" TEXT,
    ADD COLUMN "design" TEXT NOT NULL DEFAULT 'ab';
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Promotion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromRung" "Channel" NOT NULL,
    "toRung" "Channel" NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "evidence" JSONB NOT NULL,
    "segments" TEXT[],
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMP(3),
    "nextExperimentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Promotion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Promotion_experimentId_key" ON "Promotion"("experimentId");
CREATE INDEX "Promotion_workspaceId_status_idx" ON "Promotion"("workspaceId", "status");
CREATE INDEX "Promotion_offerId_idx" ON "Promotion"("offerId");
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReadinessCheck" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "rung" "Channel" NOT NULL,
    "inputs" JSONB NOT NULL,
    "assessment" JSONB NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "checkedById" TEXT,
    "checkedByEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReadinessCheck_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ReadinessCheck_offerId_rung_createdAt_idx" ON "ReadinessCheck"("offerId", "rung", "createdAt");
ALTER TABLE "ReadinessCheck" ADD CONSTRAINT "ReadinessCheck_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
