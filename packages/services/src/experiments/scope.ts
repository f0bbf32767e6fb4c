import type { AnalysisDefaults } from '@uplift/domain';
import type { Actor } from '../deps';

/** What the experiment use cases read of the workspace the caller acts in. */
export interface ExperimentWorkspace extends AnalysisDefaults {
  id: string;
  evaluationIntervalMinutes: number;
  ladder: string[];
}

/** Who acts, in which workspace: the second argument of every experiment use case that changes something. */
export interface ExperimentScope {
  workspace: ExperimentWorkspace;
  actor: Actor;
}
