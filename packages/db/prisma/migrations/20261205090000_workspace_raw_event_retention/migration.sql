-- Retention of raw events per workspace (issue 15): ended experiments' raw events are dropped this many days after
-- they ended; NULL leaves it to the deployment's default (the worker's RAW_EVENT_RETENTION_DAYS; unset: kept).
ALTER TABLE "Workspace"
    ADD COLUMN "rawEventRetentionDays" INTEGER,
    ADD CONSTRAINT "Workspace_rawEventRetentionDays_check" CHECK ("rawEventRetentionDays" BETWEEN 1 AND 36500);
