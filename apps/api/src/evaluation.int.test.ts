import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRedis } from '@uplift/jobs';
import { ingestBatch } from '@uplift/services';
import { evaluateExperimentJob, SIGNATURE_HEADER, signWebhook, startWorker } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

// The webhook receiver below listens on loopback: allowed only with the local-development setting.
const deps = { ...testDeps('evaluation'), allowPrivateWebhooks: true };
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'eval');
});
afterAll(() => deps.close());

const owner = () => callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);

async function running(overrides: Record<string, unknown> = {}) {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const e = await owner().experiment.create({
    ...sampleExperiment(h.id),
    plannedUsers: 2000,
    start: true,
    ...overrides,
  });
  return { ...e, hypothesisId: h.id };
}

/** Exposes `n` units per variant and converts the first `conversions[i]` of variant i. */
async function feed(key: string, counts: { control: [number, number]; promo: [number, number] }, extra: object[] = []) {
  const events: object[] = [];
  for (const [variant, [n, converted]] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) {
      const unit = `${variant}-${i}`;
      events.push({ id: `x-${unit}`, experiment: key, unit, type: 'exposure', variant });
      if (i < converted) events.push({ id: `c-${unit}`, experiment: key, unit, type: 'conversion' });
    }
  }
  return ingestBatch(deps, ws.id, { events: [...events, ...extra] as never });
}

describe('evaluation of a running experiment', () => {
  it('keeps running before the planned sample, one snapshot per data version', async () => {
    const e = await running();
    await feed(e.key, { control: [400, 40], promo: [400, 80] });
    const first = await evaluateExperimentJob(deps.db, deps.queue, e.id);
    expect(first).toMatchObject({ outcome: 'KEEP_RUNNING', stored: true });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toEqual({ skipped: 'up to date' });
    // Forced re-evaluation of the same version (evaluatedVersion set back) writes no second snapshot: its snapshot
    // is found stored before any analysis, and the experiment is marked evaluated at it again, so the reconciler
    // does not ask for it every minute (issue 15). Past that check, the version's claim and then the snapshot's key
    // would turn a run away.
    await deps.db.experiment.update({ where: { id: e.id }, data: { evaluatedVersion: null } });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toEqual({ skipped: 'up to date' });
    const caughtUp = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect(caughtUp.evaluatedVersion).toBe(caughtUp.dataVersion);
    expect(await deps.db.experimentSnapshot.count({ where: { experimentId: e.id } })).toBe(1);
    const results = await owner().experiment.results({ key: e.key });
    expect(results.progress).toMatchObject({ users: 800, plannedUsers: 2000, fraction: 0.4 });
    expect(results.decision.outcome).toBe('KEEP_RUNNING');
  });

  it('a clear win at the planned sample completes the experiment and marks the idea WON, with a notification', async () => {
    const e = await running();
    await feed(e.key, { control: [1000, 100], promo: [1000, 160] });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'WIN', stored: true });
    const after = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect(after).toMatchObject({ status: 'COMPLETED', outcome: 'WIN' });
    expect((await deps.db.hypothesis.findUniqueOrThrow({ where: { id: e.hypothesisId } })).status).toBe('WON');
    const notes = await owner().notification.list();
    expect(notes.find((n) => n.experimentId === e.id)).toMatchObject({ kind: 'decision', experimentKey: e.key });
    // Read state is each member's own.
    await owner().notification.markRead();
    expect((await owner().notification.list()).every((n) => n.readAt)).toBe(true);
    const analyst = await callerFor(deps, ws.users.ANALYST, ws.slug).notification.list();
    expect(analyst.find((n) => n.experimentId === e.id)?.readAt).toBeNull();
    const results = await owner().experiment.results({ key: e.key });
    // `analysis` has exactly the shape `uplift analyze` prints
    expect(results.analysis).toMatchObject({
      srm: { flagged: false },
      variants: [
        { key: 'control', users: 1000, mean: 0.1 },
        { key: 'promo', users: 1000, mean: 0.16, estimate: expect.closeTo(0.6, 6), pValue: expect.any(Number) },
      ],
    });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toEqual({ skipped: 'not running' });
    // Keys come in the order `uplift analyze` prints them.
    const analysis = results.analysis as { srm: object; variants: object[] };
    expect(Object.keys(analysis)).toEqual(['srm', 'variants', 'warnings']);
    expect(Object.keys(analysis.srm)).toEqual(['chiSquare', 'pValue', 'flagged']);
    expect(Object.keys(analysis.variants[1] as object)).toEqual([
      'key',
      'users',
      'mean',
      'estimate',
      'se',
      'ci',
      'pValue',
      'significant',
      'decision',
      'adjustedPValue',
    ]);
  });

  it('a Bayesian lead before the plan is not final until the confidence sequence confirms it', async () => {
    const e = await running({ plannedUsers: 100_000, analysis: { engine: 'bayesian' } });
    await feed(e.key, { control: [1000, 100], promo: [1000, 160] });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'KEEP_RUNNING' });
    const results = await owner().experiment.results({ key: e.key });
    expect(results.decision.reason).toContain('"promo" has a 99.9% chance to beat the control, but a Bayesian');
  });

  it('a flat sequential test stops INCONCLUSIVE once its sequence lies inside ± the minimum worthwhile lift', async () => {
    const e = await running({ plannedUsers: 100_000, analysis: { sequential: 2000, minLift: 0.3 } });
    await feed(e.key, { control: [1000, 500], promo: [1000, 500] });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'INCONCLUSIVE' });
    const after = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect(after).toMatchObject({ status: 'COMPLETED', outcome: 'INCONCLUSIVE' });
    expect(after.outcomeReason).toContain('within ±30% (the minimum worthwhile lift)');
  });

  it('a harmed guardrail turns a win into INCONCLUSIVE, naming it', async () => {
    const e = await running({
      metrics: {
        primary: { name: 'purchase', kind: 'binomial' },
        guardrails: [{ name: 'unsubscribe', kind: 'binomial', direction: 'down' }],
      },
    });
    // 5 unsubscribes in the control's 1,000 and 40 in the promo's: a clear harm
    const unsubscribes = Array.from({ length: 45 }, (_, i) => ({
      id: `u-${i}`,
      experiment: e.key,
      unit: i < 5 ? `control-${999 - i}` : `promo-${999 - i}`,
      type: 'conversion',
      metric: 'unsubscribe',
    }));
    await feed(e.key, { control: [1000, 100], promo: [1000, 160] }, unsubscribes);
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'INCONCLUSIVE' });
    const results = await owner().experiment.results({ key: e.key });
    expect(results.decision.reason).toContain('unsubscribe');
    expect((await deps.db.hypothesis.findUniqueOrThrow({ where: { id: e.hypothesisId } })).status).toBe('INCONCLUSIVE');
  });

  it('a sample ratio mismatch halts without a decision and alerts once', async () => {
    const e = await running();
    await feed(e.key, { control: [1000, 100], promo: [1300, 200] });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'SRM_HALT' });
    await ingestBatch(deps, ws.id, {
      events: [{ id: 'more', experiment: e.key, unit: 'late', type: 'exposure', variant: 'promo' }],
    });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'SRM_HALT' });
    expect((await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe('RUNNING');
    const srm = await deps.db.notification.findMany({ where: { experimentId: e.id, kind: 'srm' } });
    expect(srm).toHaveLength(1);
  });

  it('waits for a product owner when the workspace asks for confirmation', async () => {
    await deps.db.workspace.update({ where: { id: ws.id }, data: { confirmDecisions: true } });
    try {
      const e = await running();
      await feed(e.key, { control: [1000, 100], promo: [1000, 160] });
      await evaluateExperimentJob(deps.db, deps.queue, e.id);
      const pending = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
      expect(pending).toMatchObject({ status: 'RUNNING', pendingOutcome: 'WIN' });
      expect((await deps.db.hypothesis.findUniqueOrThrow({ where: { id: e.hypothesisId } })).status).toBe('TESTING');
      await expect(
        callerFor(deps, ws.users.MARKETER, ws.slug).experiment.confirmDecision({ key: e.key }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const confirmed = await owner().experiment.confirmDecision({ key: e.key });
      expect(confirmed).toMatchObject({ status: 'COMPLETED', outcome: 'WIN' });
      expect((await deps.db.hypothesis.findUniqueOrThrow({ where: { id: e.hypothesisId } })).status).toBe('WON');
    } finally {
      await deps.db.workspace.update({ where: { id: ws.id }, data: { confirmDecisions: false } });
    }
  });

  it('raises a no-data alert after 24 hours without events, once', async () => {
    const e = await running();
    const old = new Date(Date.now() - 25 * 3600 * 1000);
    await deps.db.experiment.update({ where: { id: e.id }, data: { startedAt: old } });
    await evaluateExperimentJob(deps.db, deps.queue, e.id);
    await evaluateExperimentJob(deps.db, deps.queue, e.id);
    const alerts = await deps.db.notification.findMany({ where: { experimentId: e.id, kind: 'no_data' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.title).toContain('No data');
  });

  it('a campaign report replaces the event data of its metric', async () => {
    const e = await running();
    await owner().experiment.importReport({
      key: e.key,
      report: {
        variants: [
          { key: 'control', users: 1000, conversions: 120 },
          { key: 'promo', users: 1000, conversions: 150 },
        ],
      },
    });
    await evaluateExperimentJob(deps.db, deps.queue, e.id);
    const results = await owner().experiment.results({ key: e.key });
    // Reference value 1 of the statistics issue: est 0.25, p 0.079565 → INCONCLUSIVE at the planned sample
    expect(results.analysis).toMatchObject({
      variants: [{}, { estimate: expect.closeTo(0.25, 6), pValue: expect.closeTo(0.079565, 5) }],
    });
    expect(results.decision.outcome).toBe('INCONCLUSIVE');
  });
});

describe('the worker on its own', () => {
  it('evaluates soon after data arrives and delivers a signed webhook, retrying a failure', async () => {
    const received: { body: string; signature: string }[] = [];
    let calls = 0;
    const receiver = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        calls++;
        if (calls === 1) {
          res.writeHead(503).end();
          return;
        }
        received.push({ body: Buffer.concat(chunks).toString(), signature: String(req.headers[SIGNATURE_HEADER]) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const hook = await callerFor(deps, ws.users.ADMIN, ws.slug).webhook.create({ url });
    const workerRedis = createRedis('worker');
    const worker = await startWorker({
      db: deps.db,
      redis: workerRedis,
      prefix: deps.queuePrefix,
      log: () => {},
      allowPrivateWebhooks: true,
    });
    try {
      const e = await running();
      await feed(e.key, { control: [1000, 100], promo: [1000, 160] });
      const decisionOf = () => received.find((r) => JSON.parse(r.body).event === 'experiment.decision');
      for (let i = 0; i < 150 && !decisionOf(); i++) await new Promise((r) => setTimeout(r, 100));
      expect((await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe('COMPLETED');
      const delivery = decisionOf();
      expect(delivery?.signature).toBe(signWebhook(hook.secret, delivery?.body as string));
      expect(JSON.parse(delivery?.body as string)).toMatchObject({
        event: 'experiment.decision',
        data: { experiment: e.key, decision: { outcome: 'WIN' } },
      });
      // The win also moved the offer up the ladder: a second event. The first attempt overall got a 503.
      // The receiver sees a request before the worker has stored its answer: wait for the stored log.
      const deliveries = () => callerFor(deps, ws.users.ADMIN, ws.slug).webhook.deliveries();
      let log = await deliveries();
      for (let i = 0; i < 100 && !(log.length === 2 && log.every((d) => d.status === 'DELIVERED')); i++) {
        await new Promise((r) => setTimeout(r, 100));
        log = await deliveries();
      }
      expect(received).toHaveLength(2);
      expect(log.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED']);
      expect(log.map((d) => d.attempts).sort()).toEqual([1, 2]);
      expect(log.every((d) => d.lastStatusCode === 204)).toBe(true);
      const own = await callerFor(deps, ws.users.ADMIN, ws.slug).webhook.deliveries({ experiment: e.key });
      expect(own).toHaveLength(2);
      expect(await callerFor(deps, ws.users.ADMIN, ws.slug).webhook.deliveries({ experiment: 'other' })).toEqual([]);
    } finally {
      await worker.close();
      workerRedis.disconnect();
      receiver.close();
      await callerFor(deps, ws.users.ADMIN, ws.slug).webhook.disable({ id: hook.id });
    }
  }, 30_000);
});
