import { z } from 'zod';
import { DomainError } from '../errors';
import { int4 } from '../zod-safe';

/** Assignment's bucket resolution (assignment.ts: 10,000 buckets), so a share is a whole number of buckets. */
const BUCKETS = 10_000;
/** The longest wait for a decision: a remainder held back for more than 30 days is no longer one send. */
export const MAX_DECISION_HOURS = 720;

/**
 * An EMAIL experiment that tests on a sample of a list and sends the winner to the rest (issue 13 §4): the list
 * size, how long after the test's send the decision is due at the latest, and the share of the list tested
 * (default: the smallest that reaches the planned sample).
 */
export const ZWinnerSendInput = z.object({
  audienceSize: int4(undefined, 3),
  decisionHours: z
    .number()
    .gt(0, `must be > 0 and ≤ ${MAX_DECISION_HOURS} (hours after the test's send)`)
    .max(MAX_DECISION_HOURS, `must be > 0 and ≤ ${MAX_DECISION_HOURS} (hours after the test's send)`),
  testShare: z
    .number()
    .gt(0, 'must be > 0 and < 1 (a share of the list, 0.2 = 20%)')
    .lt(1, 'must be > 0 and < 1 (a share of the list, 0.2 = 20%)')
    .optional(),
});
export type WinnerSendInput = z.input<typeof ZWinnerSendInput>;

/** What an experiment stores of its winner send (three nullable columns: all set, or none). */
export interface WinnerSendSetup {
  audienceSize: number;
  testShare: number;
  decisionHours: number;
}

/**
 * The smallest share of a list of `audienceSize` that holds `plannedUsers` in expectation, rounded up to a
 * whole bucket: units with a bucket below it are tested, and buckets are uniform, so the test expects
 * audienceSize × share ≥ plannedUsers units.
 */
export function minimumTestShare(plannedUsers: number, audienceSize: number): number {
  // Integer arithmetic (exact below 2^53): (p / a) × 10,000 in floating point can land a hair above a whole number.
  const wanted = plannedUsers * BUCKETS;
  const whole = Math.floor(wanted / audienceSize);
  return (whole * audienceSize >= wanted ? whole : whole + 1) / BUCKETS;
}

/**
 * The stored setup of a winner send for an experiment planned for `plannedUsers`: the default share, and a
 * clear error naming the field when the list cannot hold the test and a remainder, or a given share is short.
 */
export function winnerSendSetup(input: z.output<typeof ZWinnerSendInput>, plannedUsers: number): WinnerSendSetup {
  const { audienceSize, decisionHours } = input;
  const minimum = minimumTestShare(plannedUsers, audienceSize);
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (minimum >= 1) {
    throw new DomainError(
      'BAD_INPUT',
      `a list of ${fmt(audienceSize)} cannot hold the planned sample of ${fmt(plannedUsers)} and leave a remainder: use a larger list or fewer planned users`,
      'winnerSend.audienceSize',
    );
  }
  const testShare = input.testShare ?? minimum;
  if (testShare < minimum) {
    throw new DomainError(
      'BAD_INPUT',
      `must be at least ${minimum} to reach the planned sample of ${fmt(plannedUsers)} in a list of ${fmt(audienceSize)}`,
      'winnerSend.testShare',
    );
  }
  return { audienceSize, testShare, decisionHours };
}

/** The setup an experiment row holds, or null when it is not a winner send. */
export function winnerSendOf(e: {
  audienceSize: number | null;
  testShare: number | null;
  decisionHours: number | null;
}): WinnerSendSetup | null {
  if (e.audienceSize === null || e.testShare === null || e.decisionHours === null) return null;
  return { audienceSize: e.audienceSize, testShare: e.testShare, decisionHours: e.decisionHours };
}

/** When the decision is due at the latest: `decisionHours` after the test's send (the experiment's start). */
export const decisionDeadline = (startedAt: Date, decisionHours: number) =>
  new Date(startedAt.getTime() + decisionHours * 3_600_000);

/** The experiment's winner send columns: all three set, or all null. */
export interface WinnerSendColumns {
  audienceSize: number | null;
  testShare: number | null;
  decisionHours: number | null;
}

export const NO_WINNER_SEND: WinnerSendColumns = { audienceSize: null, testShare: null, decisionHours: null };

/** The columns for a create or a draft edit: a winner send is for EMAIL experiments only. */
export function winnerSendColumns(
  input: z.output<typeof ZWinnerSendInput> | null | undefined,
  e: { channel: string; plannedUsers: number },
): WinnerSendColumns {
  if (!input) return NO_WINNER_SEND;
  if (e.channel !== 'EMAIL') {
    throw new DomainError('BAD_INPUT', `is for EMAIL experiments; this one runs on ${e.channel}`, 'winnerSend');
  }
  return winnerSendSetup(input, e.plannedUsers);
}
