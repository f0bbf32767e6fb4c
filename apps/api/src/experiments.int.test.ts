import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('experiments');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'exp');
});
afterAll(() => deps.close());

const approved = () => insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
const as = (role: keyof TestWorkspace['users']) => callerFor(deps, ws.users[role], ws.slug);

describe('experiments: created from approved hypotheses', () => {
  it('a marketer opens a draft; the hypothesis becomes TESTING; defaults come from the workspace and the plan', async () => {
    const h = await approved();
    const e = await as('MARKETER').experiment.create(sampleExperiment(h.id, 'spring-promo-email'));
    expect(e).toMatchObject({ status: 'DRAFT', channel: 'EMAIL', seed: 'spring-promo-email', name: h.title });
    // The minimum worthwhile lift: half the hypothesis' expected +10%.
    expect(e.analysis).toEqual({
      engine: 'frequentist',
      sequential: null,
      alpha: 0.05,
      correction: 'holm',
      minLift: 0.05,
    });
    // plan for baseline 5%, lift 10%, α 0.05, 80% power, 2 variations
    expect(e.plannedUsers).toBeGreaterThan(60_000);
    expect((await deps.db.hypothesis.findUniqueOrThrow({ where: { id: h.id } })).status).toBe('TESTING');
    const audit = await as('ANALYST').audit.list({ entityType: 'experiment', entityId: e.id });
    expect(audit.map((a) => a.action)).toEqual(['experiment.create']);
    // The log names what the event is about, with the key of its page.
    expect(audit[0]?.subject).toEqual({ name: e.name, key: e.key });
  });

  it('refuses a hypothesis that is not APPROVED, a duplicate key, bad weights, and too few variants', async () => {
    const draft = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'SUBMITTED' });
    await expect(as('MARKETER').experiment.create(sampleExperiment(draft.id))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('APPROVED'),
    });
    const h = await approved();
    await as('MARKETER').experiment.create(sampleExperiment(h.id, 'dup-key'));
    const h2 = await approved();
    await expect(as('MARKETER').experiment.create(sampleExperiment(h2.id, 'dup-key'))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('dup-key'),
    });
    expect((await deps.db.hypothesis.findUniqueOrThrow({ where: { id: h2.id } })).status).toBe('APPROVED');
    const bad = {
      ...sampleExperiment(h2.id),
      variants: [
        { key: 'control', weight: 0.5 },
        { key: 'promo', weight: 0.6 },
      ],
    };
    await expect(as('MARKETER').experiment.create(bad)).rejects.toMatchObject({
      message: expect.stringContaining('weights must sum to 1'),
    });
    const lone = { ...sampleExperiment(h2.id), variants: [{ key: 'control' }] };
    await expect(as('MARKETER').experiment.create(lone)).rejects.toMatchObject({
      message: expect.stringContaining('2–8 variants'),
    });
    const badKey = { ...sampleExperiment(h2.id), key: 'spring promo!' };
    await expect(as('MARKETER').experiment.create(badKey)).rejects.toMatchObject({
      message: expect.stringContaining('key: may hold only letters'),
    });
  });

  it('runs, then only a product owner stops it, with a reason; the idea leaves TESTING', async () => {
    const h = await approved();
    const e = await as('PRODUCT_OWNER').experiment.create({ ...sampleExperiment(h.id), start: true });
    expect(e.status).toBe('RUNNING');
    expect(e.startedAt).toBeTruthy();
    await expect(as('MARKETER').experiment.stop({ key: e.key, reason: 'no' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(as('PRODUCT_OWNER').experiment.stop({ key: e.key, reason: ' ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const stopped = await as('PRODUCT_OWNER').experiment.stop({ key: e.key, reason: 'Coupon leaked on a forum' });
    expect(stopped).toMatchObject({ status: 'STOPPED', stopReason: 'Coupon leaked on a forum' });
    const after = await deps.db.hypothesis.findUniqueOrThrow({ where: { id: h.id } });
    expect(after).toMatchObject({ status: 'INCONCLUSIVE' });
    await expect(as('PRODUCT_OWNER').experiment.start({ key: e.key })).rejects.toMatchObject({ code: 'CONFLICT' });
    const audit = await as('ANALYST').audit.list({ entityType: 'experiment', entityId: e.id });
    expect(audit[0]).toMatchObject({ action: 'experiment.stop', reason: 'Coupon leaked on a forum' });
  });

  it('a draft can be edited, validated like a new one; a running experiment is frozen', async () => {
    const h = await approved();
    const e = await as('MARKETER').experiment.create(sampleExperiment(h.id));
    const edited = await as('MARKETER').experiment.update({
      key: e.key,
      patch: { variants: [{ key: 'control' }, { key: 'promo' }, { key: 'bundle' }], plannedUsers: 9000 },
    });
    expect((edited.variants as { weight: number }[]).map((v) => v.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(edited.plannedUsers).toBe(9000);
    await expect(
      as('MARKETER').experiment.update({
        key: e.key,
        patch: {
          variants: [
            { key: 'a', weight: 0.7 },
            { key: 'b', weight: 0.7 },
          ],
        },
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('weights must sum to 1') });
    await as('MARKETER').experiment.start({ key: e.key });
    await expect(
      as('MARKETER').experiment.update({ key: e.key, patch: { variants: [{ key: 'a' }, { key: 'b' }] } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('frozen') });
    const audit = await as('ANALYST').audit.list({ entityType: 'experiment', entityId: e.id });
    expect(audit.map((a) => a.action)).toEqual(['experiment.start', 'experiment.update', 'experiment.create']);
  });

  it('starting schedules the periodic evaluation in BullMQ', async () => {
    const h = await approved();
    const e = await as('MARKETER').experiment.create(sampleExperiment(h.id));
    await as('MARKETER').experiment.start({ key: e.key });
    const scheduler = await deps.queue.getJobScheduler(`experiment.evaluate:${e.id}`);
    expect(scheduler).toMatchObject({ every: 5 * 60_000 });
  });

  it('an experiment of another workspace is not found', async () => {
    const other = await createWorkspace(deps.db, 'exp-other');
    const h = await approved();
    const e = await as('MARKETER').experiment.create(sampleExperiment(h.id));
    await expect(
      callerFor(deps, other.users.MARKETER, other.slug).experiment.get({ key: e.key }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
