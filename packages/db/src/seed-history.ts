import type { Db } from './client';
import { type DemoHypothesis, h } from './seed-data';
import { completedTest } from './seed-ladder';

/**
 * A year of finished tests for the Insights page (issue 12): with the ladder's journeys the demo holds 17
 * completed experiments over email and banners and seven funnel stages, with authors' confidences from 0.4 to
 * 0.8, so the calibration, P&L and funnel figures tell a story on first start. Totals are campaign reports; each
 * test is evaluated by the real engine and the seed fails if it does not reach the outcome written here.
 */
interface PastTest {
  hypothesis: DemoHypothesis;
  treatment: string;
  totals: [number, number][];
  endedDaysAgo: number;
  outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE';
}

const past = (
  hypothesis: DemoHypothesis,
  treatment: string,
  totals: [number, number][],
  endedDaysAgo: number,
  outcome: PastTest['outcome'],
): PastTest => ({ hypothesis, treatment, totals, endedDaysAgo, outcome });

const PAST_TESTS: PastTest[] = [
  past(
    h(
      'Countdown timer on checkout',
      'PAYMENT',
      'Checkout visitors',
      'Delivery cut-off countdown',
      'WON',
      [50000, 0.06, 0.12, 30, 0.7, 3000],
      'a visible deadline turns "later" into "now".',
      'BANNER',
    ),
    'Countdown timer',
    [
      [20_000, 1_200],
      [20_000, 1_370],
    ],
    300,
    'WIN',
  ),
  past(
    h(
      'Review snippets in retargeting ads',
      'AD',
      'Recent product viewers',
      'Star-rating snippet',
      'INCONCLUSIVE',
      [150000, 0.008, 0.2, 30, 0.5, 8000],
      'social proof is what a second look lacks.',
      'BANNER',
    ),
    'Review snippet',
    [
      [30_000, 240],
      [30_000, 262],
    ],
    270,
    'INCONCLUSIVE',
  ),
  past(
    h(
      'One-field email capture on landing',
      'LANDING',
      'First-time visitors',
      'One-field signup box',
      'WON',
      [90000, 0.02, 0.25, 12, 0.6, 2000],
      'every field we drop removes a reason to leave.',
      'BANNER',
    ),
    'One field',
    [
      [25_000, 500],
      [25_000, 620],
    ],
    240,
    'WIN',
  ),
  past(
    h(
      'Magic-link reminder for unfinished signups',
      'REGISTRATION',
      'Unfinished signups',
      'One-click magic link',
      'WON',
      [20000, 0.1, 0.15, 15, 0.8, 1000],
      'a password is the step where most signups stall.',
    ),
    'Magic link',
    [
      [8_000, 800],
      [8_000, 930],
    ],
    210,
    'WIN',
  ),
  past(
    h(
      'Hero image with real customers',
      'LANDING',
      'First-time visitors',
      'Customer photo hero',
      'LOST',
      [90000, 0.02, 0.1, 12, 0.5, 1500],
      'real faces are more trusted than stock photos.',
      'BANNER',
    ),
    'Customer photo',
    [
      [25_000, 500],
      [25_000, 420],
    ],
    180,
    'LOSS',
  ),
  past(
    h(
      'Second-purchase coupon email',
      'RETENTION',
      'One-time buyers',
      '10% off the second order',
      'WON',
      [30000, 0.05, 0.2, 28, 0.7, 2500],
      'the second order is the one that makes a customer.',
    ),
    'Second-order coupon',
    [
      [10_000, 500],
      [10_000, 590],
    ],
    150,
    'WIN',
  ),
  past(
    h(
      'Search-term headline on ad landing pages',
      'AD',
      'Paid search visitors',
      'Headline echoing the search',
      'LOST',
      [150000, 0.01, 0.15, 30, 0.8, 5000],
      'visitors stay when the page repeats what they asked for.',
      'BANNER',
    ),
    'Echo headline',
    [
      [30_000, 300],
      [30_000, 240],
    ],
    120,
    'LOSS',
  ),
  past(
    h(
      'Day-3 tips email for new users',
      'ONBOARDING',
      'New users, day 3',
      'Three quick tips',
      'INCONCLUSIVE',
      [25000, 0.3, 0.05, 20, 0.4, 800],
      'users who learn one trick early come back.',
    ),
    'Tips email',
    [
      [6_000, 1_800],
      [6_000, 1_830],
    ],
    100,
    'INCONCLUSIVE',
  ),
];

/** Hypotheses behind the past tests, created with the rest of the demo backlog (seed.ts). */
export const HISTORY_HYPOTHESES: DemoHypothesis[] = PAST_TESTS.map((t) => t.hypothesis);

/** Past tests of demo hypotheses that were decided without a ladder journey. */
const DECIDED_WITHOUT_TEST: { title: string; past: Omit<PastTest, 'hypothesis'> }[] = [
  {
    title: 'Birthday discount',
    past: {
      treatment: 'Birthday code',
      totals: [
        [4_000, 200],
        [4_000, 150],
      ],
      endedDaysAgo: 200,
      outcome: 'LOSS',
    },
  },
  {
    title: 'Loyalty points double week',
    past: {
      treatment: 'Double points',
      totals: [
        [12_000, 720],
        [12_000, 745],
      ],
      endedDaysAgo: 130,
      outcome: 'INCONCLUSIVE',
    },
  },
];

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

export async function seedTestHistory(db: Db, workspaceId: string, owner: { id: string; email: string }) {
  const tests = [
    ...PAST_TESTS.map((t) => ({ title: t.hypothesis.title, channel: t.hypothesis.channel, past: t })),
    ...DECIDED_WITHOUT_TEST.map((t) => ({ title: t.title, channel: 'EMAIL' as const, past: t.past })),
  ];
  for (const t of tests) {
    const hypothesis = await db.hypothesis.findFirstOrThrow({ where: { workspaceId, title: t.title } });
    // An idea is older than its test: submitted a month before the test started, approved just before it.
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    await db.hypothesis.update({
      where: { id: hypothesis.id },
      data: {
        createdAt: day(t.past.endedDaysAgo + 45),
        ...(hypothesis.approvedAt ? { approvedAt: day(t.past.endedDaysAgo + 15) } : {}),
      },
    });
    if (t.channel !== 'EMAIL' && t.channel !== 'BANNER') throw new Error(`seed: ${t.title} is not an A/B channel`);
    await completedTest(
      {
        db,
        workspaceId,
        ownerId: owner.id,
        ownerEmail: owner.email,
        hypothesisId: hypothesis.id,
        offerId: null,
        reach: hypothesis.reachPerMonth,
      },
      {
        key: slug(t.title),
        name: t.title,
        channel: t.channel,
        treatment: t.past.treatment,
        totals: t.past.totals,
        endedDaysAgo: t.past.endedDaysAgo,
      },
      t.past.outcome,
      null,
    );
  }
}
