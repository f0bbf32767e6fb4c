-- Offline location tests: stores or regions are the units; weekly sales per location against a holdout.
ALTER TABLE "Experiment" ADD COLUMN "locationSplit" JSONB;

CREATE TABLE "LocationSales" (
    "experimentId" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "sales" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "LocationSales_pkey" PRIMARY KEY ("experimentId", "location", "week")
);
