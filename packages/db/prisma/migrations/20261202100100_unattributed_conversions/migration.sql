-- Finds a unit's unattributed conversions when its exposure arrives (late attribution). Partial: only the
-- few unattributed rows are indexed, so storing attributed events costs nothing more. Prisma's schema cannot
-- state a partial index; schema.prisma names it in a comment on ExperimentEvent.
CREATE INDEX "ExperimentEvent_unattributed_idx" ON "ExperimentEvent" ("experimentId", "unitId") WHERE NOT attributed;
