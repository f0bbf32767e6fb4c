-- Issue 12's foundations: the ROI a hypothesis was approved on, when a winner was rolled out, each rung's reach.
ALTER TABLE "Hypothesis" ADD COLUMN "approvedInputs" JSONB;
ALTER TABLE "Hypothesis" ADD COLUMN "approvedAt" TIMESTAMP(3);

ALTER TABLE "Experiment" ADD COLUMN "rolledOutAt" TIMESTAMP(3);
ALTER TABLE "Experiment" ADD COLUMN "reachPerMonth" INTEGER;

-- Winners completed before this change were rolled out when they ended.
UPDATE "Experiment" SET "rolledOutAt" = "endedAt"
WHERE status = 'COMPLETED' AND outcome = 'WIN' AND "endedAt" IS NOT NULL;

-- Every rung so far was projected with its hypothesis' reach: that is its own reach until someone changes it.
UPDATE "Experiment" e SET "reachPerMonth" = h."reachPerMonth"
FROM "Hypothesis" h WHERE h.id = e."hypothesisId";

-- Hypotheses approved before this change keep approvedInputs null: the code compares with their current
-- inputs and says the figures were estimated after the fact.
