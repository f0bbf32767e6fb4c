-- CUPED and ratio metrics (issue 11, part 3). A unit's pre-period value of the primary metric (its covariate),
-- from an exposure or an upload; it may arrive before or after the unit's exposure and conversions.
CREATE TABLE "UnitCovariate" (
    "experimentId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "UnitCovariate_pkey" PRIMARY KEY ("experimentId", "unitId")
);

-- Metric "" rows: exposed units with a covariate, Σx and Σx² over them. Metric rows: Σxy and Σy over the
-- units with a covariate (the worker imputes the rest); a ratio metric's row: Σ numerator·denominator per unit.
ALTER TABLE "ExperimentAggregate"
    ADD COLUMN "covariateUnits" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "covariateSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN "covariateSumSquares" DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN "sumProduct" DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN "coveredSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN "crossSum" DOUBLE PRECISION NOT NULL DEFAULT 0;
