import { FUNNEL_STAGES, type FunnelStage } from '../enums';

/** What the workspace knows of one stage's traffic. */
export interface FunnelStageData {
  stage: FunnelStage;
  /** Units that entered the stage and converted out of it, where the workspace reports them. */
  entered?: number | null;
  converted?: number | null;
  /** Pooled control groups of the tests at this stage (users and their conversions). */
  controlUsers?: number;
  controlConversions?: number;
}

export interface FunnelTest {
  stage: FunnelStage;
  won: boolean;
  /** A win that was rolled out: only those lift the funnel. */
  rolledOut: boolean;
  /** x̃: the shrunk relative lift. */
  shrunkLift: number;
}

export interface FunnelInput {
  stages: readonly FunnelStageData[];
  /** Stages the workspace does not use: dropped from the funnel. */
  hiddenStages: readonly FunnelStage[];
  tests: readonly FunnelTest[];
}

/** Conversion of a stage: reported traffic first, else what its tests' control groups showed; null when neither. */
function stageConversion(data: FunnelStageData | undefined) {
  if (data?.entered && data.entered > 0 && data.converted != null) {
    return { volume: data.entered, conversion: data.converted / data.entered, source: 'entered' as const };
  }
  if (data?.controlUsers && data.controlUsers > 0) {
    return {
      volume: data.controlUsers,
      conversion: (data.controlConversions ?? 0) / data.controlUsers,
      source: 'control' as const,
    };
  }
  return { volume: data?.entered ?? null, conversion: null, source: null };
}

/**
 * The funnel as a product (issue 12 §4), stages in FUNNEL_STAGES order: per stage the cumulative realised lift
 * Π(1 + x̃) of its rolled-out wins, and end to end Π conversion (before) and Π min(1, conversion·lift) (after),
 * over the stages whose conversion is known (the others are listed in `stagesWithoutData`).
 */
export function funnel({ stages, hiddenStages, tests }: FunnelInput) {
  const rows = FUNNEL_STAGES.filter((stage) => !hiddenStages.includes(stage)).map((stage) => {
    const atStage = tests.filter((t) => t.stage === stage);
    const cumulativeLift = atStage
      .filter((t) => t.won && t.rolledOut)
      .reduce((product, t) => product * (1 + t.shrunkLift), 1);
    const { volume, conversion, source } = stageConversion(stages.find((s) => s.stage === stage));
    return {
      stage,
      volume,
      conversion,
      conversionSource: source,
      tests: atStage.length,
      wins: atStage.filter((t) => t.won).length,
      cumulativeLift,
      conversionAfter: conversion === null ? null : Math.min(1, conversion * cumulativeLift),
    };
  });
  const known = rows.filter((row) => row.conversion !== null);
  return {
    stages: rows,
    endToEnd: {
      before: known.length ? known.reduce((product, row) => product * (row.conversion as number), 1) : null,
      after: known.length ? known.reduce((product, row) => product * (row.conversionAfter as number), 1) : null,
      stagesWithoutData: rows.filter((row) => row.conversion === null).map((row) => row.stage),
    },
  };
}
