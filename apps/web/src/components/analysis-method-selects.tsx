import { Select } from '@mantine/core';
import type { AnalysisSettings } from '@uplift/domain';
import { CORRECTIONS, ENGINES } from '../lib/experiment-words';

type Engine = AnalysisSettings['engine'];
type Correction = AnalysisSettings['correction'];

interface Props {
  engine: Engine;
  correction: Correction;
  onEngine: (engine: Engine) => void;
  onCorrection: (correction: Correction) => void;
  testIds: { engine: string; correction: string };
}

/** Engine and (frequentist only) multiple-comparison correction: picked per experiment, defaulted per workspace. */
export function AnalysisMethodSelects({ engine, correction, onEngine, onCorrection, testIds }: Props) {
  return (
    <>
      <Select
        label="Engine"
        allowDeselect={false}
        data={ENGINES}
        value={engine}
        onChange={(v) => v && onEngine(v as Engine)}
        data-testid={testIds.engine}
      />
      {/* Holm and Benjamini–Hochberg adjust p-values: the frequentist rule's only, so nothing to pick otherwise. */}
      {engine === 'frequentist' && (
        <Select
          label="Multiple-comparison correction"
          description="Matters with 2+ treatments"
          allowDeselect={false}
          data={CORRECTIONS}
          value={correction}
          onChange={(v) => v && onCorrection(v as Correction)}
          data-testid={testIds.correction}
        />
      )}
    </>
  );
}
