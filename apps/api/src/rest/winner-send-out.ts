import { z } from '@hono/zod-openapi';
import { decisionDeadline, winnerSendOf } from '@uplift/domain';

const ZIso = z.string().describe('ISO 8601 date-time');

/** A winner send as tools see it: its setup, the deadline, and the remainder's variant once decided. */
export const ZWinnerSendOut = z
  .object({
    audienceSize: z.number().int().describe('Units on the list'),
    testShare: z.number().describe('Share of the list tested: units whose bucket is below it'),
    decisionHours: z.number().describe("The decision is due at the latest this many hours after the test's send"),
    deadline: ZIso.nullable().describe('startedAt + decisionHours; null for a draft'),
    winnerVariant: z.string().nullable().describe('The variant the remainder gets; null while it waits'),
    winnerReason: z.string().nullable(),
    decidedAt: ZIso.nullable(),
    remainderSentAt: ZIso.nullable().describe("The remainder's first exposure after the decision"),
  })
  .nullable()
  .describe('Null unless the experiment tests on a share of an email list and sends the winner to the rest')
  .openapi('WinnerSend');

type Row = {
  audienceSize: number | null;
  testShare: number | null;
  decisionHours: number | null;
  startedAt: Date | null;
  winnerVariant: string | null;
  winnerReason: string | null;
  winnerDecidedAt: Date | null;
  remainderSentAt: Date | null;
};

export function publicWinnerSend(e: Row): z.infer<typeof ZWinnerSendOut> {
  const setup = winnerSendOf(e);
  if (!setup) return null;
  return {
    ...setup,
    deadline: e.startedAt ? decisionDeadline(e.startedAt, setup.decisionHours).toISOString() : null,
    winnerVariant: e.winnerVariant,
    winnerReason: e.winnerReason,
    decidedAt: e.winnerDecidedAt?.toISOString() ?? null,
    remainderSentAt: e.remainderSentAt?.toISOString() ?? null,
  };
}
