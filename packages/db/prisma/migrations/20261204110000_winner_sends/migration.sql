-- Winner sends (issue 13 §4): an EMAIL experiment tests on a share of a list and sends the winner to the rest.
-- The setup (all three set, or none), the remainder's variant once decided, and when the remainder was sent.
ALTER TYPE "NotificationKind" ADD VALUE 'winner_ready';

ALTER TABLE "Experiment"
    ADD COLUMN "audienceSize" INTEGER,
    ADD COLUMN "testShare" DOUBLE PRECISION,
    ADD COLUMN "decisionHours" DOUBLE PRECISION,
    ADD COLUMN "winnerVariant" TEXT,
    ADD COLUMN "winnerReason" TEXT,
    ADD COLUMN "winnerDecidedAt" TIMESTAMP(3),
    ADD COLUMN "remainderSentAt" TIMESTAMP(3),
    ADD CONSTRAINT "Experiment_winnerSend_check" CHECK (
        ("audienceSize" IS NULL) = ("testShare" IS NULL) AND ("testShare" IS NULL) = ("decisionHours" IS NULL)
    );
