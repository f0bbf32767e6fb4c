import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { countRawEvents } from '@uplift/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyFor,
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  sampleHypothesis,
  serveApi,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';
import { hostileText, mutate, pick, type Rng, seeded } from './testing/fuzz-values';

/**
 * The fuzz tier: seeded malformed input to every /v1 route (through the real HTTP server, with a key holding every
 * scope) and to a sample of tRPC mutations (the in-process caller of an admin or a product owner). No answer may be a 5xx, a refused
 * request stores nothing, and /healthz answers as before. Prints its figures: requests tried, by status.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const REST_REQUESTS = 2400;
const TRPC_CALLS = 800;

const deps = testDeps('fuzz');
const api = await serveApi(deps);
const base = api.base;
let ws: TestWorkspace;
let key: string;
let running: string;
let draft: string;
let hypothesisId: string;
const figures = new Map<string, number>();
const failures: string[] = [];

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'fuzz');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read', 'write']);
  const approved = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const caller = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
  running = (await caller.experiment.create({ ...sampleExperiment(approved.id), start: true })).key;
  const another = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  draft = (await caller.experiment.create(sampleExperiment(another.id))).key;
  // Left APPROVED, so a valid experiment.create among the fuzzed calls can succeed once.
  hypothesisId = (await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' })).id;
});
afterAll(async () => {
  await api.close();
  await deps.close();
  const byStatus = [...figures].sort().map(([s, n]) => `${s}: ${n}`);
  console.log(`fuzz (seed ${SEED}): ${REST_REQUESTS} REST requests, ${TRPC_CALLS} tRPC calls; ${byStatus.join(', ')}`);
});

/** Rows of the workspace a request could write; a refused request leaves every count as it was. */
async function counts() {
  const db = deps.db;
  const workspaceId = ws.id;
  const ids = (await db.experiment.findMany({ where: { workspaceId }, select: { id: true } })).map((e) => e.id);
  const experimentId = { in: ids };
  const all = await Promise.all([
    db.hypothesis.count({ where: { workspaceId } }),
    countRawEvents(db, experimentId),
    db.experimentAggregate.count({ where: { experimentId } }),
    db.experimentReport.count({ where: { experimentId } }),
    db.locationSales.count({ where: { experimentId } }),
    db.apiKey.count({ where: { workspaceId } }),
    db.webhook.count({ where: { workspaceId } }),
    db.membership.count({ where: { workspaceId } }),
    db.invitation.count({ where: { workspaceId } }),
    db.auditEvent.count({ where: { workspaceId } }),
    db.readinessCheck.count(),
  ]);
  return `experiments ${ids.length}, rows ${all.join('/')}`;
}

const tally = (label: string) => figures.set(label, (figures.get(label) ?? 0) + 1);

/** Sends one request; a 5xx, or a refusal that changed a count, is a failure (with what was sent). */
async function attempt(what: string, send: () => Promise<number>) {
  const before = await counts();
  const status = await send();
  tally(String(status));
  if (status >= 500) failures.push(`${status} ${what}`);
  else if (status >= 400 && (await counts()) !== before) failures.push(`${status} stored rows: ${what}`);
}

const validEvent = (rng: Rng) => ({
  id: `e-${Math.floor(rng() * 1e9)}`,
  experiment: running,
  unit: `u-${Math.floor(rng() * 50)}`,
  type: pick(rng, ['exposure', 'conversion']),
  variant: pick(rng, ['control', 'promo']),
  metric: 'purchase',
  value: 1,
  ts: new Date().toISOString(),
});

/** A lone surrogate has no UTF-8 form; send its raw (invalid) bytes instead. */
const encodePath = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

/** The /v1 routes: a method, a path (its key perhaps hostile) and a valid body for mutate() to break. */
function restCase(rng: Rng): { method: string; path: string; body?: unknown } {
  const k = () => (rng() < 0.3 ? encodePath(hostileText(rng)) : pick(rng, [running, draft]));
  const q = (params: Record<string, string>) => {
    const entries = Object.entries(params).map(([n, v]): [string, string] => [n, rng() < 0.5 ? hostileText(rng) : v]);
    return new URLSearchParams(entries).toString();
  };
  const report = {
    variants: [
      { key: 'control', users: 100, conversions: 10 },
      { key: 'promo', users: 100, conversions: 12 },
    ],
  };
  const rows = [
    { location: 'a', week: '2026-01-05', sales: 10 },
    { location: 'b', week: '2026-01-05', sales: 12 },
  ];
  switch (Math.floor(rng() * 12)) {
    case 0:
      return { method: 'POST', path: '/v1/events', body: { events: [validEvent(rng), validEvent(rng)] } };
    case 1:
      return { method: 'POST', path: '/v1/experiments', body: sampleExperiment(hypothesisId) };
    case 2:
      return { method: 'PUT', path: `/v1/experiments/${k()}/report`, body: report };
    case 3:
      return { method: 'PUT', path: `/v1/experiments/${k()}/locations`, body: { rows, start: '2026-01-12' } };
    case 4:
      return { method: 'GET', path: `/v1/assign?${q({ experiment: running, unit: 'u1' })}` };
    case 5:
      return { method: 'GET', path: `/v1/experiments/${k()}` };
    case 6:
      return { method: 'GET', path: `/v1/experiments/${k()}/results` };
    case 7:
      return { method: 'GET', path: `/v1/hypotheses?${q({ status: 'APPROVED', limit: '10', cursor: 'c' })}` };
    case 8:
      return { method: 'GET', path: `/v1/offers?${q({ experiment: running })}` };
    case 9:
      return { method: 'GET', path: `/v1/promotions?${q({ status: 'PROPOSED' })}` };
    case 10:
      return {
        method: 'PUT',
        path: `/v1/experiments/${k()}/covariates`,
        body: { covariates: [{ unit: 'u1', covariate: 2 }] },
      };
    default:
      return { method: 'GET', path: '/v1/experiments' };
  }
}

async function sendRest(rng: Rng) {
  const { method, path, body } = restCase(rng);
  const raw = rng() < 0.05;
  const payload =
    body === undefined
      ? undefined
      : raw
        ? pick(rng, ['{"events":', 'null', '\u0000', 'a,b\n1,2'])
        : JSON.stringify(mutate(rng, body));
  const type = raw && rng() < 0.5 ? 'text/csv' : 'application/json';
  await attempt(`${method} ${path.slice(0, 200)} ${payload?.slice(0, 300)}`, async () => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': type },
      body: payload,
    });
    await res.arrayBuffer();
    return res.status;
  });
}

/** A sample of tRPC mutations with a valid input each, for mutate() to break. */
function trpcCase(rng: Rng): [string, (input: never) => Promise<unknown>, unknown] {
  const c = callerFor(deps, ws.users.ADMIN, ws.slug);
  const po = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
  const cases: [string, (input: never) => Promise<unknown>, unknown][] = [
    ['hypothesis.create', po.hypothesis.create, sampleHypothesis],
    [
      'hypothesis.update',
      c.hypothesis.update,
      { id: hypothesisId, patch: { title: 'Renamed', valuePerConversion: 40 } },
    ],
    ['hypothesis.pin', po.hypothesis.pin, { id: hypothesisId, pinnedRank: 1, reason: 'why' }],
    ['experiment.create', po.experiment.create, sampleExperiment(hypothesisId)],
    ['experiment.update', po.experiment.update, { key: draft, patch: { name: 'n', plannedUsers: 1000 } }],
    [
      'experiment.uploadLocations',
      c.experiment.uploadLocations,
      { key: running, csv: 'location,week,sales\na,2026-01-05,1', start: '2026-01-12' },
    ],
    [
      'experiment.requestLocationPlan',
      c.experiment.requestLocationPlan,
      { key: running, csv: 'location,week,sales\na,2026-01-05,1', treatmentSize: 1, testWeeks: 4, maxCandidates: 2 },
    ],
    [
      'experiment.importReport',
      c.experiment.importReport,
      { key: running, report: { variants: [{ key: 'control', users: 10, conversions: 1 }] } },
    ],
    ['workspace.updateSettings', c.workspace.updateSettings, { horizonMonths: 12, defaultSequential: 100 }],
    ['member.invite', c.member.invite, { email: 'fuzz@example.com', role: 'ANALYST' }],
    ['invitation.claim', c.invitation.claim, { token: 'x'.repeat(43), name: 'F', password: 'password-1' }],
    ['apiKey.create', c.apiKey.create, { name: 'k', scopes: ['read'] }],
    ['webhook.create', c.webhook.create, { url: 'https://hooks.example.com/x' }],
    [
      'ladder.checkReadiness',
      c.ladder.checkReadiness,
      {
        offerId: 'none',
        rung: 'OFFLINE',
        price: 10,
        discount: 0.1,
        unitCost: 1,
        expectedVolumePerMonth: 10,
        capacityPerMonth: 10,
        deliverableAtScale: true,
      },
    ],
    [
      'ladder.updateSettings',
      c.ladder.updateSettings,
      { ladder: ['EMAIL', 'BANNER'], policies: { BANNER: { minUnits: 10 } } },
    ],
  ];
  return pick(rng, cases);
}

async function callTrpc(rng: Rng) {
  const [name, call, valid] = trpcCase(rng);
  const input = mutate(rng, valid);
  await attempt(`trpc ${name} ${JSON.stringify(input)?.slice(0, 300)}`, async () => {
    try {
      await call(input as never);
      return 200;
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(name, error.cause ?? error);
      return getHTTPStatusCodeFromError(error);
    }
  });
}

describe('fuzz: malformed input never gets a 5xx and stores nothing', () => {
  it('answers every malformed request with a 4xx (or a 2xx for what is valid)', { timeout: 240_000 }, async () => {
    const health = async () => (await fetch(`${base}/healthz`)).status;
    const healthBefore = await health();
    const rng = seeded(SEED);
    for (let i = 0; i < REST_REQUESTS; i++) await sendRest(rng);
    for (let i = 0; i < TRPC_CALLS; i++) await callTrpc(rng);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await health()).toBe(healthBefore);
    const list = await fetch(`${base}/v1/experiments`, { headers: { authorization: `Bearer ${key}` } });
    expect(list.status).toBe(200);
  });
});
