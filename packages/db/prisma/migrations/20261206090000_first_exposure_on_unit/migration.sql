-- A unit's first exposure is stored on its unit row, not as a raw event row as well (issue 15): the unit row already
-- holds what that exposure says (variant, segment, time), and an email campaign's events are mostly first exposures,
-- so ingestion writes about 45% fewer rows. "eventId" is that exposure's event id, which makes a replay of it a
-- duplicate. Units stored before this migration keep NULL here and their first exposure in "ExperimentEvent":
-- a replay of it is a duplicate there, as before. No backfill.
ALTER TABLE "ExperimentUnit" ADD COLUMN "eventId" TEXT;
