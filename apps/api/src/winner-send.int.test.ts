import { rawEventsOf } from '@uplift/db';
import { assignWinnerSend } from '@uplift/domain';
import { evaluateExperimentJob, reconcileExperiments } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyFor,
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  serveApi,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

// A winner send (issue 13 §4): a share of the list is tested, the rest waits for the winner.
const deps = { ...testDeps('winner-send'), allowPrivateWebhooks: true };
const api = await serveApi(deps);
let ws: TestWorkspace;
let key: string;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'winner-send');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read', 'write']);
  await callerFor(deps, ws.users.ADMIN, ws.slug).webhook.create({ url: 'http://127.0.0.1:9/hook' });
});
afterAll(async () => {
  await api.close();
  await deps.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
type Json = any;
const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${api.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
};
const WINNER_SEND = { audienceSize: 10_000, decisionHours: 4 };

async function winnerSend() {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const created = await call('POST', '/v1/experiments', {
    ...sampleExperiment(h.id),
    plannedUsers: 2000,
    winnerSend: WINNER_SEND,
    start: true,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; key: string; seed: string; winnerSend: Json };
}

/** The first units (u-0, u-1, …) of each place: test variants by the domain's rule, and the remainder. */
function units(e: { seed: string }, testShare: number, winnerVariant: string | null = null) {
  const variants = [
    { key: 'control', weight: 0.5 },
    { key: 'promo', weight: 0.5 },
  ];
  const by: Record<string, string[]> = { control: [], promo: [], remainder: [] };
  for (let i = 0; i < 20_000; i++) {
    const a = assignWinnerSend({ seed: e.seed, variants, testShare, winnerVariant }, `u-${i}`);
    by[a.remainder ? 'remainder' : (a.variant as string)]?.push(`u-${i}`);
  }
  return by as { control: string[]; promo: string[]; remainder: string[] };
}

const issue = (res: { body: Json }, field: string, message: string) =>
  expect(res.body.issues).toContainEqual(expect.objectContaining({ field, message: expect.stringContaining(message) }));
const winnerDeliveries = (experimentKey: string) =>
  deps.db.webhookDelivery.count({
    where: { event: 'experiment.winner_ready', payload: { path: ['data', 'experiment'], equals: experimentKey } },
  });

describe('winner send', () => {
  it('records the setup with the smallest share that reaches the planned sample', async () => {
    const e = await winnerSend();
    expect(e.winnerSend).toMatchObject({ audienceSize: 10_000, testShare: 0.2, decisionHours: 4, winnerVariant: null });
    expect(Date.parse(e.winnerSend.deadline) - Date.now()).toBeGreaterThan(3.9 * 3_600_000);
  });

  it('refuses a list too small for the plan and a short share, naming the field', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    const body = { ...sampleExperiment(h.id), plannedUsers: 2000 };
    const small = await call('POST', '/v1/experiments', {
      ...body,
      winnerSend: { audienceSize: 2000, decisionHours: 4 },
    });
    expect(small.status).toBe(400);
    issue(small, 'winnerSend.audienceSize', 'cannot hold the planned sample of 2,000');
    const short = await call('POST', '/v1/experiments', { ...body, winnerSend: { ...WINNER_SEND, testShare: 0.1 } });
    expect(short.status).toBe(400);
    issue(short, 'winnerSend.testShare', 'must be at least 0.2 to reach');
    const noDeadline = await call('POST', '/v1/experiments', { ...body, winnerSend: { audienceSize: 10_000 } });
    expect(noDeadline.status).toBe(400);
    issue(noDeadline, 'winnerSend.decisionHours', '');
  });

  it('waits, decides on a win, sends the winner to the remainder and takes its late events', async () => {
    const e = await winnerSend();
    const by = units(e, 0.2);
    const waiting = by.remainder[0] as string;
    const assign = (unit: string) => call('GET', `/v1/assign?experiment=${e.key}&unit=${unit}`);
    expect((await assign(waiting)).body).toEqual({
      experiment: e.key,
      unit: waiting,
      variant: null,
      inExperiment: true,
      waiting: true,
    });
    expect((await assign(by.promo[0] as string)).body).toMatchObject({ variant: 'promo', inExperiment: true });
    const early = await call('POST', '/v1/events', {
      events: [{ id: 'early', experiment: e.key, unit: waiting, type: 'exposure' }],
    });
    expect(early.status).toBe(400);
    issue(early, 'events.0.unit', 'is in the remainder');

    const events: object[] = [];
    for (const [variant, rate] of [
      ['control', 0.1],
      ['promo', 0.16],
    ] as const) {
      by[variant].slice(0, 1000).forEach((unit, i) => {
        events.push({ id: `x-${unit}`, experiment: e.key, unit, type: 'exposure' });
        if (i < 1000 * rate) events.push({ id: `c-${unit}`, experiment: e.key, unit, type: 'conversion' });
      });
    }
    expect((await call('POST', '/v1/events', { events })).status).toBe(202);
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'WIN', stored: true });

    const decided = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect(decided).toMatchObject({ status: 'RUNNING', outcome: 'WIN', winnerVariant: 'promo' });
    expect(decided.winnerReason).toContain('"promo" won');
    expect((await assign(waiting)).body).toEqual({
      experiment: e.key,
      unit: waiting,
      variant: 'promo',
      inExperiment: true,
    });
    expect(await winnerDeliveries(e.key)).toBe(1);
    // Evaluating or reconciling again neither re-decides nor tells the email tool twice.
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toEqual({ skipped: 'winner decided' });
    await reconcileExperiments(deps.db, deps.queue);
    expect(await winnerDeliveries(e.key)).toBe(1);

    // The remainder's events after the decision: accepted (the send is open), with the winner.
    const late = await call('POST', '/v1/events', {
      events: [
        { id: 'late-x', experiment: e.key, unit: waiting, type: 'exposure' },
        { id: 'late-c', experiment: e.key, unit: waiting, type: 'conversion' },
      ],
    });
    expect(late.status).toBe(202);
    expect(late.body).toMatchObject({ accepted: 2 });
    const stored = (await rawEventsOf(deps.db, e.id)).find((r) => r.eventId === 'late-x');
    expect(stored?.variant).toBe('promo');
    const wrong = await call('POST', '/v1/events', {
      events: [{ id: 'late-y', experiment: e.key, unit: by.remainder[1], type: 'exposure', variant: 'control' }],
    });
    expect(wrong.status).toBe(400);
    issue(wrong, 'events.0.variant', 'its winner is "promo"');
    const after = (await call('GET', `/v1/experiments/${e.key}`)).body;
    expect(after.status).toBe('RUNNING');
    expect(after.winnerSend.remainderSentAt).not.toBeNull();
  });

  it('at the deadline sends the control to the remainder, saying nothing won, and completes a week later', async () => {
    const e = await winnerSend();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await deps.db.experiment.update({ where: { id: e.id }, data: { startedAt: hoursAgo(3.9) } });
    await reconcileExperiments(deps.db, deps.queue);
    expect((await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).winnerVariant).toBeNull();
    await deps.db.experiment.update({ where: { id: e.id }, data: { startedAt: hoursAgo(4.1) } });
    await reconcileExperiments(deps.db, deps.queue);
    await reconcileExperiments(deps.db, deps.queue);
    const decided = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect(decided).toMatchObject({ status: 'RUNNING', outcome: 'INCONCLUSIVE', winnerVariant: 'control' });
    expect(decided.winnerReason).toBe(
      'Nothing won by the deadline (4 h after the test\'s send): the remainder gets the control "control".',
    );
    expect(await winnerDeliveries(e.key)).toBe(1);
    const remainder = units(e, 0.2, 'control').remainder[0] as string;
    const assigned = await call('GET', `/v1/assign?experiment=${e.key}&unit=${remainder}`);
    expect(assigned.body).toMatchObject({ variant: 'control', inExperiment: true });

    await deps.db.experiment.update({ where: { id: e.id }, data: { winnerDecidedAt: hoursAgo(7 * 24 + 1) } });
    await reconcileExperiments(deps.db, deps.queue);
    const done = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id }, include: { hypothesis: true } });
    expect(done).toMatchObject({ status: 'COMPLETED', outcome: 'INCONCLUSIVE' });
    expect(done.hypothesis.status).toBe('INCONCLUSIVE');
  });

  it('is set up and edited through tRPC on a draft, with clear field errors', async () => {
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    const draft = await owner.experiment.create({ ...sampleExperiment(h.id), plannedUsers: 2000 });
    expect(draft.audienceSize).toBeNull();
    const set = await owner.experiment.update({
      key: draft.key,
      patch: { winnerSend: { audienceSize: 8000, decisionHours: 6, testShare: 0.3 } },
    });
    expect(set).toMatchObject({ audienceSize: 8000, testShare: 0.3, decisionHours: 6 });
    await expect(owner.experiment.update({ key: draft.key, patch: { plannedUsers: 3000 } })).rejects.toMatchObject({
      message: expect.stringContaining('must be at least 0.375'),
    });
    const cleared = await owner.experiment.update({ key: draft.key, patch: { winnerSend: null } });
    expect(cleared.testShare).toBeNull();
    const audit = await deps.db.auditEvent.findFirstOrThrow({
      where: { entityId: draft.id, action: 'experiment.update' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.after).toMatchObject({ audienceSize: 8000, testShare: 0.3, decisionHours: 6 });
  });
});
