-- Superseded by "Hypothesis_backlog_rank_idx"; every index on roi costs ~1 s per 100,000 rows rescored.
DROP INDEX IF EXISTS "Hypothesis_workspaceId_pinnedRank_roi_idx";
