import { randomUUID } from 'node:crypto';
import { createDb, type Db, rerankBacklog } from '@uplift/db';
import { type Channel, type FunnelStage, ROLES, type Role, scoreRoi, ZRoiInput } from '@uplift/domain';
import { createQueue, createRedis } from '@uplift/jobs';
import { consoleLogger } from '@uplift/services';
import type { Context, Deps, SessionUser } from '../context';
import { createCaller } from '../router';

/**
 * Integration-test fixtures: the real Postgres and Redis named by DATABASE_URL / REDIS_URL (npm test points
 * them at a throwaway database) and a BullMQ prefix unique to the calling test file.
 */
export function testDeps(file: string): Deps & { close: () => Promise<void> } {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run integration tests through `npm test`.');
  const db = createDb(process.env.DATABASE_URL, 5);
  const redis = createRedis('producer');
  // Under the run's QUEUE_PREFIX, so npm test removes these keys with the run's own.
  const queuePrefix = `${process.env.QUEUE_PREFIX ?? 'uplift-test'}-${file.replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}`;
  const queue = createQueue(redis, queuePrefix);
  return {
    db,
    redis,
    queue,
    queuePrefix,
    clock: () => new Date(),
    log: consoleLogger,
    close: async () => {
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      redis.disconnect();
      await db.$disconnect();
    },
  };
}

export interface TestWorkspace {
  id: string;
  slug: string;
  users: Record<Role, SessionUser>;
}

/** A workspace with one member per role. Users get no password: tests call procedures, not sign-in. */
export async function createWorkspace(db: Db, label = 'ws'): Promise<TestWorkspace> {
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const ws = await db.workspace.create({ data: { slug, name: `Test ${slug}`, horizonMonths: 12 } });
  const users = {} as Record<Role, SessionUser>;
  for (const role of ROLES) {
    const id = randomUUID();
    const email = `${role.toLowerCase()}-${slug}@test.local`;
    const name = `${role} of ${slug}`;
    await db.user.create({ data: { id, email, name } });
    await db.membership.create({ data: { workspaceId: ws.id, userId: id, role } });
    users[role] = { id, email, name };
  }
  return { id: ws.id, slug, users };
}

export function callerFor(deps: Deps, user: SessionUser | null, workspaceSlug: string | null) {
  const ctx: Context = { deps, user, workspaceSlug };
  return createCaller(ctx);
}

export const sampleHypothesis = {
  title: 'Promo code email for lapsed buyers',
  statement: 'If we offer 15% to lapsed buyers at retention, conversion rises by 25%.',
  funnelStage: 'RETENTION' as FunnelStage,
  segment: 'Lapsed buyers',
  channel: 'EMAIL' as Channel,
  offer: '15% promo code',
  reachPerMonth: 10_000,
  baselineRate: 0.05,
  expectedLift: 0.1,
  valuePerConversion: 40,
  confidence: 0.5,
  cost: 5_000,
};

/** Inserts a hypothesis directly (any status, any author), scored like the service would. */
export async function insertHypothesis(
  db: Db,
  ws: { id: string },
  authorId: string,
  overrides: Partial<typeof sampleHypothesis> & { status?: string; pinnedRank?: number | null } = {},
) {
  const fields = { ...sampleHypothesis, ...overrides };
  const { status, pinnedRank, ...rest } = fields as typeof fields & { status?: string; pinnedRank?: number | null };
  const score = scoreRoi(ZRoiInput.parse({ ...rest, horizonMonths: 12 }));
  const created = await db.hypothesis.create({
    data: {
      ...rest,
      ...score,
      status: (status ?? 'DRAFT') as never,
      pinnedRank: pinnedRank ?? null,
      workspaceId: ws.id,
      authorId,
    },
  });
  await rerankBacklog(db, ws.id);
  return created;
}

/** A minimal experiment input for `hypothesisId`: 50/50 control vs promo on the binomial metric `purchase`. */
export const sampleExperiment = (hypothesisId: string, key = `exp-${randomUUID().slice(0, 8)}`) => ({
  key,
  hypothesisId,
  variants: [
    { key: 'control', name: 'Current offer', weight: 0.5 },
    { key: 'promo', name: '−15% code', weight: 0.5 },
  ],
  metrics: { primary: { name: 'purchase', kind: 'binomial' as const } },
});

/** An API key of the workspace with the given scopes; returns the bearer token. */
export async function apiKeyFor(db: Db, ws: { id: string }, scopes: ('ingest' | 'read' | 'write')[]) {
  const { createApiKey } = await import('@uplift/db');
  return (await createApiKey(db, { workspaceId: ws.id, name: 'test', scopes, createdBy: null })).token;
}

/** better-auth as the api configures it, for tests that serve HTTP (5 sign-ins a minute). */
export async function testAuth(db: Db) {
  const { createAuth } = await import('../auth');
  return createAuth(db, {
    secret: 'x'.repeat(40),
    baseURL: 'http://localhost:5173',
    trustedOrigins: ['http://localhost:5173'],
    secureCookies: false,
    signInLimitPerMinute: 5,
  });
}

/**
 * The api served over HTTP on a free port with the test auth, for tests that call it as a client would:
 * `base` is its address; `close` stops it.
 */
export async function serveApi(deps: Deps) {
  const { createApiServer } = await import('../server');
  const server = createApiServer(deps, await testAuth(deps.db));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
