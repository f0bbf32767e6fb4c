/** How long after its decision a winner send takes the remainder's events before it completes. */
export const REMAINDER_OPEN_DAYS = 7;

export interface WinnerChoice {
  /** The variant the remainder gets. */
  variant: string;
  /** One sentence for people and for the email tool's webhook. */
  reason: string;
  /** The experiment's outcome when the winner send completes. */
  outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE';
}

/**
 * The remainder's variant once the test is decided: the winner of a WIN, else the control, saying so. A
 * decision that is not terminal (the deadline came first) sends the control as INCONCLUSIVE.
 */
export function winnerChoice(input: {
  outcome: string;
  winner: string | null;
  reason: string;
  controlKey: string;
  /** Set when the deadline, not the evaluation, decides. */
  deadlineHours?: number;
}): WinnerChoice {
  const { outcome, winner, reason, controlKey } = input;
  if (input.deadlineHours === undefined && outcome === 'WIN' && winner) {
    return { variant: winner, outcome: 'WIN', reason: `"${winner}" won; the remainder gets it. ${reason}` };
  }
  if (input.deadlineHours !== undefined) {
    const why = `Nothing won by the deadline (${input.deadlineHours} h after the test's send)`;
    return {
      variant: controlKey,
      outcome: 'INCONCLUSIVE',
      reason: `${why}: the remainder gets the control "${controlKey}".`,
    };
  }
  const terminal = outcome === 'LOSS' ? 'LOSS' : 'INCONCLUSIVE';
  return {
    variant: controlKey,
    outcome: terminal,
    reason: `Nothing won (${terminal}): the remainder gets the control "${controlKey}". ${reason}`,
  };
}

/** The remainder: the list's units outside the test, in expectation. */
export const remainderUnits = (audienceSize: number, testShare: number) => Math.round(audienceSize * (1 - testShare));

/**
 * What the remainder earned at the measured lift: its units × the control's rate × the winner's relative lift
 * extra conversions (0 when it got the control), and their value at the hypothesis' value per conversion.
 */
export function remainderEarnings(input: {
  audienceSize: number;
  testShare: number;
  controlRate: number;
  /** The winner's measured relative lift over the control (0.1 = +10%); 0 when the control was sent. */
  relativeLift: number;
  valuePerConversion: number;
}) {
  const units = remainderUnits(input.audienceSize, input.testShare);
  const extraConversions = units * input.controlRate * input.relativeLift;
  return { units, extraConversions, value: extraConversions * input.valuePerConversion };
}
