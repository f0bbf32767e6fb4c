import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { hashApiKey } from '@uplift/db';
import { type Action, can, ROLES, type Role } from '@uplift/domain';
import { inviteMember } from '@uplift/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps, SessionUser } from './context';
import { appRouter } from './router';
import { insertEndedExperiment } from './testing/ended-experiment';
import {
  apiKeyFor,
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  sampleHypothesis,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

type Caller = ReturnType<typeof callerFor>;
interface Case {
  action: Action;
  /** Prepares fresh data for one call by `user` in `ws` and returns the call. */
  call: (c: Caller, env: { deps: Deps; ws: TestWorkspace; user: SessionUser }) => Promise<unknown>;
}

const deps = testDeps('permissions');
let a: TestWorkspace;
let b: TestWorkspace;

const draftBy = (env: { deps: Deps; ws: TestWorkspace; user: SessionUser }, status = 'DRAFT') =>
  insertHypothesis(env.deps.db, env.ws, env.user.id, { status });

/** Every procedure that acts inside a workspace, with the one action it requires. */
const CASES: Record<string, Case> = {
  'workspace.get': { action: 'workspace.read', call: (c) => c.workspace.get() },
  'workspace.updateSettings': {
    action: 'workspace.settings',
    call: (c, { ws }) => c.workspace.updateSettings({ horizonMonths: 12 }).then(() => ws),
  },
  'workspace.rescoreScope': { action: 'workspace.settings', call: (c) => c.workspace.rescoreScope() },
  'workspace.rescoreStatus': {
    action: 'workspace.read',
    call: (c) => c.workspace.rescoreStatus({ jobId: 'none' }).catch(allowNotFound),
  },
  'member.list': { action: 'member.read', call: (c) => c.member.list() },
  'member.invite': {
    action: 'member.manage',
    call: (c) => c.member.invite({ email: `new-${randomUUID()}@test.local`, role: 'ANALYST' }),
  },
  'member.invitations': { action: 'member.manage', call: (c) => c.member.invitations() },
  'member.revokeInvitation': {
    action: 'member.manage',
    call: async (c, { deps, ws, user }) => {
      const { invitation } = await inviteMember(
        deps,
        { workspace: ws, actor: user },
        {
          email: `r-${randomUUID()}@test.local`,
          role: 'MARKETER',
        },
      );
      return c.member.revokeInvitation({ invitationId: invitation.id });
    },
  },
  'member.setRole': {
    action: 'member.manage',
    call: async (c, { deps, ws }) => {
      const m = await deps.db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, role: 'ANALYST' } });
      return c.member.setRole({ membershipId: m.id, role: 'ANALYST' });
    },
  },
  'member.remove': {
    action: 'member.manage',
    call: async (c, { deps, ws }) => {
      const id = randomUUID();
      await deps.db.user.create({ data: { id, email: `x-${id}@test.local`, name: 'X' } });
      const m = await deps.db.membership.create({ data: { workspaceId: ws.id, userId: id, role: 'MARKETER' } });
      return c.member.remove({ membershipId: m.id });
    },
  },
  'hypothesis.list': { action: 'hypothesis.read', call: (c) => c.hypothesis.list({}) },
  'hypothesis.get': {
    action: 'hypothesis.read',
    call: async (c, env) => c.hypothesis.get({ id: (await draftBy(env)).id }),
  },
  'hypothesis.create': { action: 'hypothesis.create', call: (c) => c.hypothesis.create(sampleHypothesis) },
  'hypothesis.update': {
    action: 'hypothesis.edit',
    call: async (c, env) => c.hypothesis.update({ id: (await draftBy(env)).id, patch: { title: 'Edited' } }),
  },
  'hypothesis.submit': {
    action: 'hypothesis.submit',
    call: async (c, env) => c.hypothesis.submit({ id: (await draftBy(env)).id }),
  },
  'hypothesis.withdraw': {
    action: 'hypothesis.submit',
    call: async (c, env) => c.hypothesis.withdraw({ id: (await draftBy(env, 'SUBMITTED')).id }),
  },
  'hypothesis.approve': {
    action: 'hypothesis.decide',
    call: async (c, env) => c.hypothesis.approve({ id: (await draftBy(env, 'SUBMITTED')).id }),
  },
  'hypothesis.reject': {
    action: 'hypothesis.decide',
    call: async (c, env) =>
      c.hypothesis.reject({ id: (await draftBy(env, 'SUBMITTED')).id, reason: 'Margin too thin' }),
  },
  'hypothesis.archive': {
    action: 'hypothesis.decide',
    call: async (c, env) => c.hypothesis.archive({ id: (await draftBy(env, 'APPROVED')).id }),
  },
  'hypothesis.pin': {
    action: 'hypothesis.pin',
    call: async (c, env) => c.hypothesis.pin({ id: (await draftBy(env)).id, pinnedRank: 1, reason: 'CEO priority' }),
  },
  'audit.list': { action: 'audit.read', call: (c) => c.audit.list({}) },
  'experiment.list': { action: 'experiment.read', call: (c) => c.experiment.list({}) },
  'experiment.get': { action: 'experiment.read', call: async (c, env) => c.experiment.get({ key: await expIn(env) }) },
  'experiment.results': {
    action: 'experiment.read',
    call: async (c, env) => c.experiment.results({ key: await expIn(env) }),
  },
  'experiment.history': {
    action: 'experiment.read',
    call: async (c, env) => c.experiment.history({ key: await expIn(env) }),
  },
  'experiment.reports': {
    action: 'experiment.read',
    call: async (c, env) => c.experiment.reports({ key: await expIn(env) }),
  },
  'experiment.suggestPlannedUsers': {
    action: 'experiment.read',
    call: async (c, env) => c.experiment.suggestPlannedUsers({ hypothesisId: (await draftBy(env, 'APPROVED')).id }),
  },
  'experiment.create': {
    action: 'experiment.create',
    call: async (c, env) => c.experiment.create(sampleExperiment((await draftBy(env, 'APPROVED')).id)),
  },
  'experiment.update': {
    action: 'experiment.create',
    call: async (c, env) => c.experiment.update({ key: await expIn(env, 'DRAFT'), patch: { name: 'Renamed' } }),
  },
  'experiment.start': {
    action: 'experiment.start',
    call: async (c, env) => c.experiment.start({ key: await expIn(env, 'DRAFT') }),
  },
  'experiment.stop': {
    action: 'experiment.stop',
    call: async (c, env) => c.experiment.stop({ key: await expIn(env), reason: 'Budget cut' }),
  },
  'experiment.confirmDecision': {
    action: 'experiment.confirm',
    call: async (c, env) => c.experiment.confirmDecision({ key: await expIn(env, 'RUNNING', 'WIN') }),
  },
  'experiment.importReport': {
    action: 'experiment.import',
    call: async (c, env) =>
      c.experiment.importReport({
        key: await expIn(env),
        report: {
          variants: [
            { key: 'control', users: 10, conversions: 1 },
            { key: 'promo', users: 10, conversions: 2 },
          ],
        },
      }),
  },
  'experiment.uploadLocations': {
    action: 'experiment.import',
    call: async (c, env) =>
      c.experiment.uploadLocations({
        key: await expIn(env),
        start: '2026-10-01',
        csv: ['location,week,sales', ...['a', 'b', 'c', 'd'].map((l, i) => `${l},2026-09-21,${100 + i}`)].join('\n'),
      }),
  },
  'experiment.requestLocationPlan': {
    action: 'experiment.import',
    call: async (c, env) =>
      c.experiment.requestLocationPlan({
        key: await expIn(env),
        csv: ['location,week,sales', ...['a', 'b', 'c', 'd'].map((l, i) => `${l},2026-09-21,${100 + i}`)].join('\n'),
        treatmentSize: 1,
      }),
  },
  'experiment.locationPlan': {
    action: 'experiment.read',
    call: async (c, env) => c.experiment.locationPlan({ key: await expIn(env) }),
  },
  'notification.list': { action: 'notification.read', call: (c) => c.notification.list() },
  'notification.markRead': { action: 'notification.read', call: (c) => c.notification.markRead() },
  'apiKey.list': { action: 'apikey.manage', call: (c) => c.apiKey.list() },
  'apiKey.create': { action: 'apikey.manage', call: (c) => c.apiKey.create({ name: 'ESP', scopes: ['ingest'] }) },
  'apiKey.revoke': {
    action: 'apikey.manage',
    call: async (c, env) => {
      const token = await apiKeyFor(env.deps.db, env.ws, ['read']);
      const key = await env.deps.db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(token) } });
      return c.apiKey.revoke({ id: key.id });
    },
  },
  'webhook.list': { action: 'webhook.manage', call: (c) => c.webhook.list() },
  'webhook.create': { action: 'webhook.manage', call: (c) => c.webhook.create({ url: 'https://hooks.example.com/x' }) },
  'webhook.disable': {
    action: 'webhook.manage',
    call: async (c, env) => {
      const hook = await env.deps.db.webhook.create({
        data: { workspaceId: env.ws.id, url: 'https://hooks.example.com/y', secret: 's' },
      });
      return c.webhook.disable({ id: hook.id });
    },
  },
  'webhook.test': {
    action: 'webhook.manage',
    call: async (c, env) => {
      // A loopback target the delivery policy refuses at once: no network needed to answer.
      const hook = await env.deps.db.webhook.create({
        data: { workspaceId: env.ws.id, url: 'https://127.0.0.1/ping', secret: 's' },
      });
      return c.webhook.test({ id: hook.id });
    },
  },
  'webhook.deliveries': { action: 'webhook.manage', call: (c) => c.webhook.deliveries() },
  'ladder.board': { action: 'ladder.read', call: (c) => c.ladder.board() },
  'ladder.offer': { action: 'ladder.read', call: async (c, env) => c.ladder.offer({ id: await offerIn(env) }) },
  'ladder.promotions': { action: 'ladder.read', call: (c) => c.ladder.promotions({}) },
  'ladder.approve': {
    action: 'promotion.decide',
    call: async (c, env) => c.ladder.approve({ id: await proposalIn(env) }),
  },
  'ladder.reject': {
    action: 'promotion.decide',
    call: async (c, env) => c.ladder.reject({ id: await proposalIn(env), reason: 'Not this quarter' }),
  },
  'ladder.retest': {
    action: 'promotion.decide',
    call: async (c, env) => c.ladder.retest({ key: await stoppedOnBannerIn(env) }),
  },
  'ladder.checkReadiness': {
    action: 'readiness.check',
    call: async (c, env) =>
      c.ladder.checkReadiness({
        offerId: await offerIn(env),
        rung: 'OFFLINE',
        price: 10,
        discount: 0.1,
        unitCost: 5,
        expectedVolumePerMonth: 10,
        capacityPerMonth: 100,
        deliverableAtScale: true,
      }),
  },
  'ladder.updateSettings': {
    action: 'ladder.settings',
    call: (c) => c.ladder.updateSettings({ ladder: ['EMAIL', 'BANNER', 'OFFLINE'] }),
  },
  'insights.get': { action: 'workspace.read', call: (c) => c.insights.get() },
  'insights.recompute': { action: 'workspace.read', call: (c) => c.insights.recompute() },
  'insights.forHypothesis': {
    action: 'hypothesis.read',
    call: async (c, env) => c.insights.forHypothesis({ id: (await draftBy(env)).id }),
  },
  'insights.ranking': { action: 'hypothesis.read', call: (c) => c.insights.ranking() },
  'roadmap.input': { action: 'hypothesis.read', call: (c) => c.roadmap.input() },
  'roadmap.get': { action: 'hypothesis.read', call: (c) => c.roadmap.get() },
  'learning.list': { action: 'learning.read', call: (c) => c.learning.list({}) },
  'learning.related': { action: 'learning.read', call: (c) => c.learning.related({ title: 'promo code' }) },
  'learning.forExperiment': {
    action: 'learning.read',
    call: async (c, env) => c.learning.forExperiment({ key: (await endedBy(env)).key }),
  },
  'learning.record': {
    action: 'learning.record',
    call: async (c, env) =>
      c.learning.record({ experimentKey: (await endedBy(env)).key, text: 'What this test taught us.' }),
  },
};

/** A completed experiment created by the caller (so a marketer may record on it). */
async function endedBy(env: { deps: Deps; ws: TestWorkspace; user: SessionUser }) {
  const h = await draftBy(env, 'WON');
  return insertEndedExperiment(env.deps.db, env.ws, { hypothesisId: h.id, createdById: env.user.id });
}

/** A fresh offer on the email rung, by id. */
async function offerIn(env: { deps: Deps; ws: TestWorkspace; user: SessionUser }) {
  const h = await draftBy(env, 'TESTING');
  const offer = await env.deps.db.offer.create({
    data: { workspaceId: env.ws.id, hypothesisId: h.id, name: 'Offer', rung: 'EMAIL', state: 'WON' },
  });
  return offer.id;
}

/** A fresh proposal to move an offer from email to banners (no approval policy in the way: it waits). */
async function proposalIn(env: { deps: Deps; ws: TestWorkspace; user: SessionUser }) {
  const offerId = await offerIn(env);
  const key = await expIn(env);
  // A step is proposed from a decided (COMPLETED) experiment; approval refuses one whose decision is not final.
  const experiment = await env.deps.db.experiment.update({
    where: { workspaceId_key: { workspaceId: env.ws.id, key } },
    data: { status: 'COMPLETED', outcome: 'WIN' },
  });
  const p = await env.deps.db.promotion.create({
    data: {
      workspaceId: env.ws.id,
      offerId,
      experimentId: experiment.id,
      kind: 'PROMOTE',
      fromRung: 'EMAIL',
      toRung: 'BANNER',
      evidence: { winner: 'promo' },
      segments: [],
    },
  });
  return p.id;
}

/** A stopped banner experiment of an offer promoted there from email, by key (what ladder.retest takes). */
async function stoppedOnBannerIn(env: { deps: Deps; ws: TestWorkspace; user: SessionUser }) {
  const h = await draftBy(env, 'WON');
  const offer = await env.deps.db.offer.create({
    data: { workspaceId: env.ws.id, hypothesisId: h.id, name: 'Offer', rung: 'BANNER', state: 'STOPPED' },
  });
  const won = await insertEndedExperiment(env.deps.db, env.ws, { hypothesisId: h.id, createdById: env.user.id });
  const stopped = await insertEndedExperiment(env.deps.db, env.ws, {
    hypothesisId: h.id,
    createdById: env.user.id,
    channel: 'BANNER',
    status: 'STOPPED',
    outcome: null,
  });
  await env.deps.db.experiment.updateMany({ where: { id: { in: [won.id, stopped.id] } }, data: { offerId: offer.id } });
  await env.deps.db.promotion.create({
    data: {
      workspaceId: env.ws.id,
      offerId: offer.id,
      experimentId: won.id,
      kind: 'PROMOTE',
      status: 'APPLIED',
      fromRung: 'EMAIL',
      toRung: 'BANNER',
      evidence: { winner: 'promo' },
      segments: [],
    },
  });
  return stopped.key;
}

/** A fresh experiment in the workspace (straight into the database), by key. */
async function expIn(
  env: { deps: Deps; ws: TestWorkspace; user: SessionUser },
  status: 'DRAFT' | 'RUNNING' = 'RUNNING',
  pendingOutcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE' | null = null,
) {
  const h = await draftBy(env, 'TESTING');
  const key = `perm-${Math.random().toString(36).slice(2, 10)}`;
  await env.deps.db.experiment.create({
    data: {
      workspaceId: env.ws.id,
      hypothesisId: h.id,
      key,
      name: key,
      channel: 'EMAIL',
      status,
      seed: key,
      variants: [
        { key: 'control', name: 'control', weight: 0.5 },
        { key: 'promo', name: 'promo', weight: 0.5 },
      ],
      metrics: { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] },
      analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'holm' },
      plannedUsers: 1000,
      pendingOutcome,
      outcomeReason: pendingOutcome ? 'promo wins' : null,
    },
  });
  return key;
}

function allowNotFound(error: unknown) {
  if (error instanceof TRPCError && error.code === 'NOT_FOUND') return null;
  throw error;
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `unexpected: ${String(error)}`;
  }
}

beforeAll(async () => {
  a = await createWorkspace(deps.db, 'perm-a');
  b = await createWorkspace(deps.db, 'perm-b');
});
afterAll(() => deps.close());

describe('permission matrix: every procedure × every role × own/other workspace', () => {
  it('covers every procedure of the router', () => {
    // me.* and the invitee's side (invitation.*) act on the caller's own account: invitations.int.test.ts and
    // insights.int.test.ts (the portfolio).
    const procedures = Object.keys(appRouter._def.procedures).filter(
      (p) => !p.startsWith('me.') && !p.startsWith('invitation.'),
    );
    expect(procedures.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [path, { action, call }] of Object.entries(CASES)) {
    for (const role of ROLES) {
      const expected = can(role as Role, action) ? 'ok' : 'FORBIDDEN';
      it(`${path} as ${role} in own workspace → ${expected}`, async () => {
        const user = a.users[role];
        expect(await outcome(call(callerFor(deps, user, a.slug), { deps, ws: a, user }))).toBe(expected);
      });
      it(`${path} as ${role} of another workspace → FORBIDDEN`, async () => {
        const user = a.users[role];
        // The data exists in workspace b; the caller, a member of a only, names b.
        expect(await outcome(call(callerFor(deps, user, b.slug), { deps, ws: b, user: b.users[role] }))).toBe(
          'FORBIDDEN',
        );
      });
    }
    it(`${path} without a session → UNAUTHORIZED`, async () => {
      expect(await outcome(call(callerFor(deps, null, a.slug), { deps, ws: a, user: a.users.ADMIN }))).toBe(
        'UNAUTHORIZED',
      );
    });
  }

  // Issue 10 point 11: this cell changed from ok to FORBIDDEN (an analyst reads everything, replaces nothing).
  it('an analyst may not import a campaign report (it replaces the experiment’s data)', async () => {
    const env = { deps, ws: a, user: a.users.ANALYST };
    const importReport = CASES['experiment.importReport'] as Case;
    expect(await outcome(importReport.call(callerFor(deps, env.user, a.slug), env))).toBe('FORBIDDEN');
  });

  it('a hypothesis of another workspace is not found from one’s own workspace', async () => {
    const foreign = await insertHypothesis(deps.db, b, b.users.MARKETER.id);
    const owner = callerFor(deps, a.users.PRODUCT_OWNER, a.slug);
    await expect(owner.hypothesis.get({ id: foreign.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(owner.hypothesis.approve({ id: foreign.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const listed = await owner.hypothesis.list({ limit: 500 });
    expect(listed.items.some((h) => h.id === foreign.id)).toBe(false);
  });

  it('me.get lists only my workspaces and my actions in each', async () => {
    const me = await callerFor(deps, a.users.MARKETER, null).me.get();
    expect(me.workspaces.map((w) => w.slug)).toEqual([a.slug]);
    expect(me.workspaces[0]?.actions).toContain('hypothesis.create');
    expect(me.workspaces[0]?.actions).not.toContain('hypothesis.decide');
  });
});
