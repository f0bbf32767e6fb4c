-- Closed vocabularies become enums: the database refuses a value the code does not know. Existing text
-- values are cast in place (USING), so no row is lost; defaults are dropped and set again around the cast.
CREATE TYPE "ExperimentDesign" AS ENUM ('ab', 'rollout');
CREATE TYPE "Outcome" AS ENUM ('NO_DATA', 'SRM_HALT', 'KEEP_RUNNING', 'WIN', 'LOSS', 'INCONCLUSIVE');
CREATE TYPE "ReportSource" AS ENUM ('api', 'csv');
CREATE TYPE "NotificationKind" AS ENUM ('decision', 'decision_pending', 'srm', 'no_data', 'promotion_proposed', 'demotion_proposed', 'ladder');
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');
CREATE TYPE "OfferState" AS ENUM ('TESTING', 'READY', 'AWAITING_APPROVAL', 'WON', 'ROLLED_OUT', 'DEMOTED', 'LOST', 'INCONCLUSIVE', 'STOPPED');
CREATE TYPE "PromotionKind" AS ENUM ('PROMOTE', 'DEMOTE');
CREATE TYPE "PromotionStatus" AS ENUM ('PROPOSED', 'APPLIED', 'REJECTED');

ALTER TABLE "Experiment" ALTER COLUMN "design" DROP DEFAULT;
ALTER TABLE "Experiment"
  ALTER COLUMN "design" TYPE "ExperimentDesign" USING "design"::"ExperimentDesign",
  ALTER COLUMN "outcome" TYPE "Outcome" USING "outcome"::"Outcome",
  ALTER COLUMN "pendingOutcome" TYPE "Outcome" USING "pendingOutcome"::"Outcome";
ALTER TABLE "Experiment" ALTER COLUMN "design" SET DEFAULT 'ab';

ALTER TABLE "ExperimentReport" ALTER COLUMN "source" TYPE "ReportSource" USING "source"::"ReportSource";
ALTER TABLE "ExperimentSnapshot" ALTER COLUMN "outcome" TYPE "Outcome" USING "outcome"::"Outcome";
ALTER TABLE "Notification" ALTER COLUMN "kind" TYPE "NotificationKind" USING "kind"::"NotificationKind";

ALTER TABLE "WebhookDelivery" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "WebhookDelivery" ALTER COLUMN "status" TYPE "DeliveryStatus" USING "status"::"DeliveryStatus";
ALTER TABLE "WebhookDelivery" ALTER COLUMN "status" SET DEFAULT 'PENDING';

ALTER TABLE "Offer" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "Offer" ALTER COLUMN "state" TYPE "OfferState" USING "state"::"OfferState";
ALTER TABLE "Offer" ALTER COLUMN "state" SET DEFAULT 'TESTING';

ALTER TABLE "Promotion" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Promotion"
  ALTER COLUMN "kind" TYPE "PromotionKind" USING "kind"::"PromotionKind",
  ALTER COLUMN "status" TYPE "PromotionStatus" USING "status"::"PromotionStatus";
ALTER TABLE "Promotion" ALTER COLUMN "status" SET DEFAULT 'PROPOSED';
