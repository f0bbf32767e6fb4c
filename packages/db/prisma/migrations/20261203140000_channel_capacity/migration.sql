-- Channel capacity and the test roadmap (issue 13): per-channel units per week and tests side by side, and
-- the longest test the roadmap plans before an idea is "too small to detect here".
ALTER TABLE "Workspace"
    ADD COLUMN "capacity" JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN "maxTestWeeks" INTEGER NOT NULL DEFAULT 12;
