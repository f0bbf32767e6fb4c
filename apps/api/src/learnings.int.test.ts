import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEndedExperiment } from './testing/ended-experiment';
import { callerFor, createWorkspace, insertHypothesis, type TestWorkspace, testDeps } from './testing/fixtures';

const deps = testDeps('learnings');
let ws: TestWorkspace;
let other: TestWorkspace;
const as = (role: keyof TestWorkspace['users'], w = ws) => callerFor(deps, w.users[role], w.slug);

/** An ended experiment of a hypothesis at `stage`, created by the marketer unless said otherwise. */
async function ended(
  o: Partial<Parameters<typeof insertEndedExperiment>[2]> & { stage?: 'RETENTION' | 'PAYMENT'; title?: string } = {},
  w = ws,
) {
  const h = await insertHypothesis(deps.db, w, w.users.MARKETER.id, {
    status: 'WON',
    funnelStage: o.stage ?? 'RETENTION',
    ...(o.title ? { title: o.title } : {}),
  });
  return insertEndedExperiment(deps.db, w, { createdById: w.users.MARKETER.id, ...o, hypothesisId: h.id });
}

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'learn');
  other = await createWorkspace(deps.db, 'learn-other');
});
afterAll(() => deps.close());

describe('recording a learning', () => {
  it('the owner records one; tags are normalised; an edit replaces it and both are audited', async () => {
    const e = await ended({ lift: 0.12 });
    const first = await as('MARKETER').learning.record({
      experimentKey: e.key,
      text: '  Urgency in the subject line beat the discount itself.  ',
      tags: ['Subject Line', 'subject  line', ' Urgency '],
    });
    expect(first).toMatchObject({
      text: 'Urgency in the subject line beat the discount itself.',
      tags: ['subject line', 'urgency'],
      outcome: 'WIN',
      lift: 0.12,
      authorName: ws.users.MARKETER.name,
    });
    const edited = await as('PRODUCT_OWNER').learning.record({
      experimentKey: e.key,
      text: 'Urgency beat the discount; the discount alone did nothing.',
      tags: ['urgency'],
    });
    expect(edited?.id).toBe(first?.id);
    expect(edited?.tags).toEqual(['urgency']);
    const trail = await as('ANALYST').audit.list({ entityType: 'learning', entityId: first?.id ?? '' });
    expect(trail.map((t) => [t.action, t.actorEmail, t.before]).reverse()).toEqual([
      ['learning.record', ws.users.MARKETER.email, null],
      [
        'learning.edit',
        ws.users.PRODUCT_OWNER.email,
        { text: 'Urgency in the subject line beat the discount itself.', tags: ['subject line', 'urgency'] },
      ],
    ]);
  });

  it('two first records at once: one is the record, the other an edit of it, each audited as such', async () => {
    // Several pairs side by side, so that reading "is there one yet?" and saving overlap for some of them.
    const experiments = await Promise.all(Array.from({ length: 8 }, () => ended()));
    await Promise.all(
      experiments.map(async (e) => {
        const saved = await Promise.all([
          as('MARKETER').learning.record({ experimentKey: e.key, text: 'The reminder email paid for itself.' }),
          as('PRODUCT_OWNER').learning.record({ experimentKey: e.key, text: 'The reminder email did not matter.' }),
        ]);
        expect(saved[0]?.id).toBe(saved[1]?.id);
        const trail = await as('ANALYST').audit.list({ entityType: 'learning', entityId: saved[0]?.id ?? '' });
        trail.reverse();
        expect(trail.map((t) => t.action)).toEqual(['learning.record', 'learning.edit']);
        // The edit's "before" is what the record saved, whichever came first.
        const [record, edit] = trail as [(typeof trail)[number], (typeof trail)[number]];
        expect((edit.before as { text: string }).text).toBe((record.after as { text: string }).text);
      }),
    );
  });

  it('refuses an experiment that has not ended, naming why', async () => {
    const running = await ended({ status: 'RUNNING', outcome: null });
    await expect(
      as('MARKETER').learning.record({ experimentKey: running.key, text: 'Too early to say anything.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('this one is running') });
    const stopped = await ended({ status: 'STOPPED', outcome: null });
    const saved = await as('MARKETER').learning.record({
      experimentKey: stopped.key,
      text: 'Stopped: the list broke.',
    });
    expect(saved?.outcome).toBe('STOPPED');
  });

  it('refuses someone else’s experiment to a marketer, and everything to an analyst', async () => {
    const e = await ended({ createdById: ws.users.PRODUCT_OWNER.id });
    const input = { experimentKey: e.key, text: 'Somebody else’s lesson to write.' };
    await expect(as('MARKETER').learning.record(input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('owner'),
    });
    await expect(as('ANALYST').learning.record(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as('ADMIN').learning.record(input)).resolves.toMatchObject({ text: input.text });
    await expect(as('ADMIN', other).learning.record(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the field of bad input', async () => {
    const e = await ended();
    await expect(as('MARKETER').learning.record({ experimentKey: e.key, text: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('text: must be at least 10 characters'),
    });
    const tags = Array.from({ length: 11 }, (_, i) => `tag ${i}`);
    await expect(
      as('MARKETER').learning.record({ experimentKey: e.key, text: 'Long enough text here.', tags }),
    ).rejects.toMatchObject({ message: expect.stringContaining('tags: at most 10 tags') });
  });

  it('the experiment page learns whether the caller may record', async () => {
    const e = await ended({ createdById: ws.users.PRODUCT_OWNER.id });
    expect(await as('MARKETER').learning.forExperiment({ key: e.key })).toMatchObject({
      learning: null,
      mayRecord: false,
    });
    expect(await as('ADMIN').learning.forExperiment({ key: e.key })).toMatchObject({ mayRecord: true, notYet: null });
    const running = await ended({ status: 'RUNNING', outcome: null });
    const card = await as('MARKETER').learning.forExperiment({ key: running.key });
    expect(card.mayRecord).toBe(false);
    expect(card.notYet).toContain('running');
  });
});

describe('the library and related learnings', () => {
  let lib: TestWorkspace;
  const lAs = (role: keyof TestWorkspace['users']) => callerFor(deps, lib.users[role], lib.slug);

  beforeAll(async () => {
    lib = await createWorkspace(deps.db, 'library');
    const record = async (o: Parameters<typeof ended>[0], text: string, tags: string[]) => {
      const e = await ended(o, lib);
      await lAs('PRODUCT_OWNER').learning.record({ experimentKey: e.key, text, tags });
    };
    await record(
      { stage: 'RETENTION', channel: 'EMAIL', outcome: 'WIN' },
      'Free shipping beats discounts for lapsed buyers.',
      ['shipping'],
    );
    await record(
      { stage: 'RETENTION', channel: 'BANNER', outcome: 'LOSS' },
      'Banners annoy returning customers at checkout.',
      ['banner fatigue'],
    );
    await record(
      { stage: 'PAYMENT', channel: 'EMAIL', outcome: 'INCONCLUSIVE', title: 'Installments at payment' },
      'Installment offers changed nothing at payment.',
      ['pricing', 'shipping'],
    );
  });

  it('filters by stage, channel, tag and outcome, and searches fragments', async () => {
    const texts = async (q: Parameters<ReturnType<typeof lAs>['learning']['list']>[0]) =>
      (await lAs('ANALYST').learning.list(q)).items.map((l) => l.text.split(' ')[0]);
    expect(await texts({})).toEqual(['Installment', 'Banners', 'Free']);
    expect(await texts({ funnelStage: 'RETENTION' })).toEqual(['Banners', 'Free']);
    expect(await texts({ channel: 'EMAIL' })).toEqual(['Installment', 'Free']);
    expect(await texts({ tag: 'Shipping' })).toEqual(['Installment', 'Free']);
    expect(await texts({ outcome: 'LOSS' })).toEqual(['Banners']);
    expect(await texts({ search: 'annoy' })).toEqual(['Banners']);
    expect(await texts({ search: '100%' })).toEqual([]);
    const page = await lAs('ANALYST').learning.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, tags: ['shipping', 'banner fatigue', 'pricing'] });
    expect(page.items.map((l) => l.text.split(' ')[0])).toEqual(['Banners']);
    expect((await as('ANALYST').learning.list({})).items.some((l) => l.text.startsWith('Free'))).toBe(false);
  });

  it('related: same stage and channel first, then word matches, nothing from other workspaces', async () => {
    const related = await lAs('MARKETER').learning.related({
      funnelStage: 'RETENTION',
      channel: 'EMAIL',
      title: 'Installments plan',
      statement: 'If we offer installments at payment…',
    });
    expect(related.map((l) => [l.text.split(' ')[0], l.sameContext])).toEqual([
      ['Free', true],
      ['Installment', false],
    ]);
    expect(await lAs('MARKETER').learning.related({ title: 'a & | ! (' })).toEqual([]);
    expect(
      await as('MARKETER').learning.related({ funnelStage: 'RETENTION', channel: 'EMAIL', title: 'installments' }),
    ).not.toContainEqual(expect.objectContaining({ text: expect.stringContaining('Installment offers') }));
  });
});
