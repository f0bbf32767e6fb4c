-- A scoped promotion's next-rung experiment reaches only these segments of its segment attribute (empty = everyone).
ALTER TABLE "Experiment" ADD COLUMN "scopeSegments" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
