-- A failed evaluation is visible: the experiment keeps the last failure until an evaluation succeeds.
ALTER TYPE "NotificationKind" ADD VALUE 'evaluation_failed';

ALTER TABLE "Experiment" ADD COLUMN "lastEvaluationError" TEXT,
ADD COLUMN "lastEvaluationFailedAt" TIMESTAMP(3);
