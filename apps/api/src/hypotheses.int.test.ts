import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleHypothesis,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('hypotheses');
let ws: TestWorkspace;
const as = (role: keyof TestWorkspace['users']) => callerFor(deps, ws.users[role], ws.slug);

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'hyp');
});
afterAll(() => deps.close());

describe('hypothesis lifecycle', () => {
  it('create → submit → approve, each step in the audit log with before → after', async () => {
    const created = await as('MARKETER').hypothesis.create(sampleHypothesis);
    expect(created).toMatchObject({ status: 'DRAFT', horizonMonths: 12, roi: 1.4, paybackMonths: 5 });
    await as('MARKETER').hypothesis.submit({ id: created.id });
    const approved = await as('PRODUCT_OWNER').hypothesis.approve({ id: created.id, reason: 'Cheap to test' });
    expect(approved.status).toBe('APPROVED');

    const trail = await as('ANALYST').audit.list({ entityType: 'hypothesis', entityId: created.id });
    expect(trail.map((e) => [e.action, e.actorEmail, e.before, e.after, e.reason]).reverse()).toEqual([
      ['hypothesis.create', ws.users.MARKETER.email, null, expect.objectContaining({ status: 'DRAFT' }), null],
      ['hypothesis.status', ws.users.MARKETER.email, { status: 'DRAFT' }, { status: 'SUBMITTED' }, null],
      [
        'hypothesis.status',
        ws.users.PRODUCT_OWNER.email,
        { status: 'SUBMITTED' },
        { status: 'APPROVED' },
        'Cheap to test',
      ],
    ]);
  });

  it('refuses illegal transitions with what is allowed from here', async () => {
    const draft = await as('MARKETER').hypothesis.create(sampleHypothesis);
    await expect(as('PRODUCT_OWNER').hypothesis.approve({ id: draft.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Cannot move a hypothesis from DRAFT to APPROVED; allowed from here: SUBMITTED, ARCHIVED.',
    });
  });

  it('rejection needs a reason, and records it', async () => {
    const h = await as('MARKETER').hypothesis.create({ ...sampleHypothesis, submit: true });
    expect(h.status).toBe('SUBMITTED');
    await expect(as('PRODUCT_OWNER').hypothesis.reject({ id: h.id, reason: '  ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const rejected = await as('PRODUCT_OWNER').hypothesis.reject({ id: h.id, reason: 'Below margin floor' });
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionReason: 'Below margin floor' });
  });

  it('only the author submits their draft', async () => {
    const h = await as('MARKETER').hypothesis.create(sampleHypothesis);
    await expect(as('PRODUCT_OWNER').hypothesis.submit({ id: h.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a repeated or concurrent submit of the same form creates one hypothesis', async () => {
    const clientRequestId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => as('MARKETER').hypothesis.create({ ...sampleHypothesis, clientRequestId })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await deps.db.hypothesis.count({ where: { workspaceId: ws.id, clientRequestId } })).toBe(1);
  });

  it('names the field in a validation error and writes nothing', async () => {
    const before = await deps.db.hypothesis.count({ where: { workspaceId: ws.id } });
    await expect(as('MARKETER').hypothesis.create({ ...sampleHypothesis, baselineRate: 1.2 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('baselineRate: must be < 1'),
    });
    expect(await deps.db.hypothesis.count({ where: { workspaceId: ws.id } })).toBe(before);
  });

  it('editing a draft rescores it and logs what changed', async () => {
    const h = await as('MARKETER').hypothesis.create(sampleHypothesis);
    const edited = await as('MARKETER').hypothesis.update({ id: h.id, patch: { expectedLift: 0.2 } });
    expect(edited.roi).toBeCloseTo(3.8, 10);
    const [last] = await as('MARKETER').audit.list({ entityType: 'hypothesis', entityId: h.id });
    expect(last).toMatchObject({
      action: 'hypothesis.edit',
      before: { expectedLift: 0.1 },
      after: { expectedLift: 0.2 },
    });
  });

  it('pinning needs a reason and puts the item first in the ranking', async () => {
    const own = await createWorkspace(deps.db, 'pin');
    const po = callerFor(deps, own.users.PRODUCT_OWNER, own.slug);
    const low = await insertHypothesis(deps.db, own, own.users.MARKETER.id, { title: 'Low', expectedLift: 0.01 });
    await insertHypothesis(deps.db, own, own.users.MARKETER.id, { title: 'High', expectedLift: 0.5 });
    await expect(po.hypothesis.pin({ id: low.id, pinnedRank: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await po.hypothesis.list({})).items.map((h) => [h.title, h.rank])).toEqual([
      ['High', 1],
      ['Low', 2],
    ]);
    await po.hypothesis.pin({ id: low.id, pinnedRank: 1, reason: 'Board asked' });
    expect((await po.hypothesis.list({})).items.map((h) => [h.title, h.rank])).toEqual([
      ['Low', 1],
      ['High', 2],
    ]);
  });

  it('the audit log is append-only in the database itself', async () => {
    await expect(deps.db.$executeRaw`UPDATE "AuditEvent" SET reason = 'tampered'`).rejects.toThrow(/append-only/);
    await expect(deps.db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
  });
});

describe('backlog listing', () => {
  let own: TestWorkspace;
  beforeAll(async () => {
    own = await createWorkspace(deps.db, 'list');
    const m = own.users.MARKETER.id;
    await insertHypothesis(deps.db, own, m, {
      title: 'Banner A',
      channel: 'BANNER',
      expectedLift: 0.3,
      status: 'SUBMITTED',
    });
    await insertHypothesis(deps.db, own, m, { title: 'Email B', expectedLift: 0.2, status: 'APPROVED' });
    await insertHypothesis(deps.db, own, m, { title: 'Email C 100%_off', expectedLift: 0.1 });
    await insertHypothesis(deps.db, own, m, { title: 'Rejected D', expectedLift: 0.9, status: 'REJECTED' });
  });

  it('ranks open items by ROI, keeps ranks under filters, and gives closed items no rank', async () => {
    const c = callerFor(deps, own.users.ANALYST, own.slug);
    const all = await c.hypothesis.list({});
    expect(all.items.map((h) => [h.title, h.rank])).toEqual([
      ['Banner A', 1],
      ['Email B', 2],
      ['Email C 100%_off', 3],
      ['Rejected D', null],
    ]);
    expect(all.total).toBe(4);
    const emails = await c.hypothesis.list({ channel: ['EMAIL'], status: ['DRAFT', 'APPROVED'] });
    expect(emails.items.map((h) => [h.title, h.rank])).toEqual([
      ['Email B', 2],
      ['Email C 100%_off', 3],
    ]);
    expect(emails.total).toBe(2);
  });

  it('searches literally (no wildcard injection) and sorts by any column', async () => {
    const c = callerFor(deps, own.users.ANALYST, own.slug);
    expect((await c.hypothesis.list({ search: '%_off' })).items.map((h) => h.title)).toEqual(['Email C 100%_off']);
    expect((await c.hypothesis.list({ search: 'xyz%' })).total).toBe(0);
    const byTitle = await c.hypothesis.list({ sort: 'title', direction: 'desc', limit: 2 });
    expect(byTitle.items.map((h) => h.title)).toEqual(['Rejected D', 'Email C 100%_off']);
    expect(byTitle.total).toBe(4);
  });
});
