-- Experiments (issue "Experiments"): setup, raw events, per-unit and per-variant aggregates kept at
-- ingestion, campaign reports, evaluation snapshots, API keys, notifications and webhooks.

ALTER TABLE "Workspace"
    ADD COLUMN "evaluationIntervalMinutes" INTEGER NOT NULL DEFAULT 5,
    ADD COLUMN "confirmDecisions" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "defaultEngine" TEXT NOT NULL DEFAULT 'frequentist',
    ADD COLUMN "defaultAlpha" DOUBLE PRECISION NOT NULL DEFAULT 0.05,
    ADD COLUMN "defaultCorrection" TEXT NOT NULL DEFAULT 'holm',
    ADD COLUMN "defaultSequential" INTEGER,
    ADD COLUMN "winChance" DOUBLE PRECISION NOT NULL DEFAULT 0.95,
    ADD COLUMN "maxRisk" DOUBLE PRECISION NOT NULL DEFAULT 0.0025,
    ADD COLUMN "lossChance" DOUBLE PRECISION NOT NULL DEFAULT 0.05;

CREATE TYPE "ExperimentStatus" AS ENUM ('DRAFT', 'RUNNING', 'COMPLETED', 'STOPPED');

CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "hypothesisId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "status" "ExperimentStatus" NOT NULL DEFAULT 'DRAFT',
    "seed" TEXT NOT NULL,
    "variants" JSONB NOT NULL,
    "metrics" JSONB NOT NULL,
    "analysis" JSONB NOT NULL,
    "plannedUsers" INTEGER NOT NULL,
    "segmentAttribute" TEXT,
    "dataVersion" INTEGER NOT NULL DEFAULT 0,
    "lastDataAt" TIMESTAMP(3),
    "unattributedEvents" INTEGER NOT NULL DEFAULT 0,
    "evaluatedVersion" INTEGER,
    "evaluatedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "outcomeReason" TEXT,
    "pendingOutcome" TEXT,
    "noDataAlertedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "stopReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Experiment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Experiment_workspaceId_key_key" ON "Experiment"("workspaceId", "key");
CREATE INDEX "Experiment_status_idx" ON "Experiment"("status");
CREATE INDEX "Experiment_hypothesisId_idx" ON "Experiment"("hypothesisId");
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_hypothesisId_fkey" FOREIGN KEY ("hypothesisId") REFERENCES "Hypothesis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The event tables carry no foreign keys on purpose: ingestion checks the experiment once per batch, and a
-- foreign-key check per row would cost a third of the insert time.
CREATE TABLE "ExperimentEvent" (
    "experimentId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "variant" TEXT,
    "metric" TEXT,
    "value" DOUBLE PRECISION,
    "ts" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attributed" BOOLEAN NOT NULL,
    CONSTRAINT "ExperimentEvent_pkey" PRIMARY KEY ("experimentId", "eventId")
);

CREATE TABLE "ExperimentUnit" (
    "experimentId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "segment" TEXT NOT NULL DEFAULT '',
    "exposedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ExperimentUnit_pkey" PRIMARY KEY ("experimentId", "unitId")
);

CREATE TABLE "UnitMetric" (
    "experimentId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "UnitMetric_pkey" PRIMARY KEY ("experimentId", "metric", "unitId")
);

CREATE TABLE "ExperimentAggregate" (
    "experimentId" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "segment" TEXT NOT NULL DEFAULT '',
    "metric" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "sumSquares" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "ExperimentAggregate_pkey" PRIMARY KEY ("experimentId", "variant", "segment", "metric")
);

CREATE TABLE "ExperimentReport" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "variants" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExperimentReport_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ExperimentReport_experimentId_metric_createdAt_idx" ON "ExperimentReport"("experimentId", "metric", "createdAt");
ALTER TABLE "ExperimentReport" ADD CONSTRAINT "ExperimentReport_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ExperimentSnapshot" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "dataVersion" INTEGER NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "users" INTEGER NOT NULL,
    "analysis" JSONB NOT NULL,
    "guardrails" JSONB NOT NULL,
    "segments" JSONB,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "winner" TEXT,
    CONSTRAINT "ExperimentSnapshot_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ExperimentSnapshot_experimentId_dataVersion_key" ON "ExperimentSnapshot"("experimentId", "dataVersion");
ALTER TABLE "ExperimentSnapshot" ADD CONSTRAINT "ExperimentSnapshot_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");
CREATE INDEX "ApiKey_workspaceId_idx" ON "ApiKey"("workspaceId");
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "experimentId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Notification_workspaceId_createdAt_idx" ON "Notification"("workspaceId", "createdAt");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Webhook_workspaceId_idx" ON "Webhook"("workspaceId");
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");
CREATE INDEX "WebhookDelivery_status_idx" ON "WebhookDelivery"("status");
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
