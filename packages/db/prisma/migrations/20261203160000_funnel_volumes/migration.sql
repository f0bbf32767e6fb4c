-- Issue 12 §4: traffic per funnel stage as the team reports it ({ STAGE: { entered, converted } }); stages without
-- it learn their conversion from their tests' control groups.
ALTER TABLE "Workspace" ADD COLUMN "funnelVolumes" JSONB NOT NULL DEFAULT '{}';
