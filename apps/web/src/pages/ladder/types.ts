import type { RouterOutputs } from '@uplift/api';
import {
  type LadderChannel,
  type LadderSettings,
  latestReadinessCheck,
  type RungPolicy,
  rungPolicy,
  type SegmentWin,
} from '@uplift/domain';

export type Board = RouterOutputs['ladder']['board'];
export type BoardOffer = Board['offers'][number];
export type OfferJourney = RouterOutputs['ladder']['offer'];
export type PromotionRow = BoardOffer['promotions'][number];
export type InboxPromotion = RouterOutputs['ladder']['promotions'][number];
export type ReadinessRow = OfferJourney['readiness'][number];

/** A proposal's evidence as proposeStep writes it (JSON: absent keys were undefined, NaN became null). */
export interface Evidence {
  experiment?: string;
  channel?: string;
  winner?: string;
  /** Relative lift of the winner over the control. */
  estimate?: number | null;
  ci?: [number, number] | null;
  pValue?: number | null;
  chanceToWin?: number | null;
  users?: number | null;
  controlMean?: number | null;
  winnerMean?: number | null;
  reason?: string | null;
  projectedMonthlyGain?: number | null;
  /** The next rung's reach and the value per conversion the projection used (absent on older proposals). */
  reachPerMonth?: number | null;
  valuePerConversion?: number | null;
  segmentsWon?: SegmentWin[];
}

export const evidenceOf = (json: unknown): Evidence =>
  json && typeof json === 'object' && !Array.isArray(json) ? (json as Evidence) : {};

export const policiesOf = (json: unknown) =>
  (json && typeof json === 'object' ? json : {}) as LadderSettings['policies'];

/** The rule for stepping onto `rung` in this workspace: its overrides over the defaults. */
export const policyFor = (board: Pick<Board, 'policies'>, rung: string): RungPolicy =>
  rungPolicy({ policies: policiesOf(board.policies) }, rung as LadderChannel);

/** A readiness check's stored numbers (ZReadinessInput's output and assessReadiness' result). */
export interface ReadinessRecord {
  inputs: {
    price: number;
    discount: number;
    unitCost: number;
    fulfilmentCost: number;
    expectedVolumePerMonth: number;
    capacityPerMonth: number;
    deliverableAtScale: boolean;
    notes?: string;
  };
  assessment: {
    marginPerConversion: number;
    monthlyContribution: number;
    /** JSON has no Infinity: a volume of 0 gives null. */
    capacityCoverage: number | null;
    passes: boolean;
    failures: string[];
  };
}
export const readinessOf = (row: ReadinessRow): ReadinessRecord => ({ inputs: row.inputs, assessment: row.assessment });

/** The newest check for `rung` (the api lists them newest first) — the one the gate looks at. */
export const latestCheck = (checks: ReadinessRow[], rung: string) => latestReadinessCheck(checks, rung);
