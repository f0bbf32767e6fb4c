-- Raw events grow without bound: ExperimentEvent becomes a table partitioned by HASH of "experimentId" (16
-- partitions). The primary key ("experimentId", "eventId") holds the partition key, so it stays one unique
-- index per partition and ingestion's ON CONFLICT on it stays exactly-once. An experiment's events live in one
-- partition: a batch of one experiment and retention (deleting an ended experiment's raw rows) touch one.
-- Prisma does not model partitions; the columns, key and names below are the ones schema.prisma expects.
-- Still no foreign keys (see 20261122020000_experiments).
ALTER TABLE "ExperimentEvent" RENAME TO "ExperimentEvent_unpartitioned";
ALTER TABLE "ExperimentEvent_unpartitioned" RENAME CONSTRAINT "ExperimentEvent_pkey" TO "ExperimentEvent_unpartitioned_pkey";
ALTER INDEX "ExperimentEvent_unattributed_idx" RENAME TO "ExperimentEvent_unpartitioned_unattributed_idx";

-- The same columns, types, NOT NULLs and defaults as the table it replaces.
CREATE TABLE "ExperimentEvent" (
    LIKE "ExperimentEvent_unpartitioned" INCLUDING DEFAULTS,
    CONSTRAINT "ExperimentEvent_pkey" PRIMARY KEY ("experimentId", "eventId")
) PARTITION BY HASH ("experimentId");

CREATE TABLE "ExperimentEvent_p0" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE "ExperimentEvent_p1" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE "ExperimentEvent_p2" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE "ExperimentEvent_p3" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE "ExperimentEvent_p4" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE "ExperimentEvent_p5" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE "ExperimentEvent_p6" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE "ExperimentEvent_p7" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE "ExperimentEvent_p8" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE "ExperimentEvent_p9" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE "ExperimentEvent_p10" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE "ExperimentEvent_p11" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE "ExperimentEvent_p12" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE "ExperimentEvent_p13" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE "ExperimentEvent_p14" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE "ExperimentEvent_p15" PARTITION OF "ExperimentEvent" FOR VALUES WITH (MODULUS 16, REMAINDER 15);

-- Rows first, then the partial index (one build instead of per-row maintenance).
INSERT INTO "ExperimentEvent" ("experimentId", "eventId", "unitId", "type", "variant", "metric", "value", "ts", "receivedAt", "attributed")
SELECT "experimentId", "eventId", "unitId", "type", "variant", "metric", "value", "ts", "receivedAt", "attributed"
FROM "ExperimentEvent_unpartitioned";
DROP TABLE "ExperimentEvent_unpartitioned";

-- Late attribution's lookup (20261202100100_unattributed_conversions), now one index per partition.
CREATE INDEX "ExperimentEvent_unattributed_idx" ON "ExperimentEvent" ("experimentId", "unitId") WHERE NOT attributed;

-- Retention (RAW_EVENT_RETENTION_DAYS): when an ended experiment's raw rows were dropped, so the worker's
-- reconcile visits each experiment once instead of probing every old experiment every minute.
ALTER TABLE "Experiment" ADD COLUMN "rawEventsDroppedAt" TIMESTAMP(3);
