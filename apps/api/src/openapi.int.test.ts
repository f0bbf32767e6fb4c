import type { AddressInfo } from 'node:net';
import { createDb } from '@uplift/db';
import { bucketOf } from '@uplift/domain';
import { createQueue, createRedis } from '@uplift/jobs';
import { recomputeInsights } from '@uplift/services';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from './server';
import { insertEndedExperiment } from './testing/ended-experiment';
import {
  apiKeyFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testAuth,
  testDeps,
} from './testing/fixtures';

// Every real answer of /v1 is checked against the schema the served document declares for its path, method
// and status: the document says what the api does, not what it was once meant to do.
const deps = testDeps('openapi');
const auth = await testAuth(deps.db);
const server = createApiServer(deps, auth);
let base: string;
let ws: TestWorkspace;
let key: string;
let readOnly: string;
// biome-ignore lint/suspicious/noExplicitAny: the served document and bodies are walked by path
type Json = any;
let doc: Json;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ws = await createWorkspace(deps.db, 'openapi');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read', 'write']);
  readOnly = await apiKeyFor(deps.db, ws, ['read']);
  doc = await (await fetch(`${base}/v1/openapi.json`)).json();
  ajv.addSchema({ $id: 'openapi.json', components: doc.components });
});
afterAll(async () => {
  server.close();
  await deps.close();
});

/** `$ref: #/components/…` inside the document, resolved against the document's own components. */
const rebased = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'));

const seen = new Set<string>();

/** Sends a request and checks the answer's body against the document; returns status and body. */
async function send(
  method: string,
  template: string,
  url: string,
  options: { body?: unknown; token?: string | null; type?: string; at?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': options.type ?? 'application/json' };
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? key}`;
  const raw =
    options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const res = await fetch(`${options.at ?? base}${url}`, { method, headers, body: raw as string | undefined });
  const body: Json = await res.json();
  const declared = doc.paths[template]?.[method.toLowerCase()]?.responses?.[String(res.status)];
  expect(declared, `${method} ${template} ${res.status} is documented`).toBeDefined();
  const validate = ajv.compile(rebased(declared.content['application/json'].schema) as object);
  expect(validate(body), `${method} ${template} ${res.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  seen.add(`${method} ${template}`);
  return { status: res.status, body };
}

async function approvedHypothesis() {
  return (await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' })).id;
}

describe('the OpenAPI document describes every real answer of /v1', () => {
  it('experiments: create, list, get, results', async () => {
    const created = await send('POST', '/v1/experiments', '/v1/experiments', {
      body: { ...sampleExperiment(await approvedHypothesis(), 'doc-running'), start: true },
    });
    expect(created.status).toBe(201);
    expect((await send('POST', '/v1/experiments', '/v1/experiments', { body: { key: 'x' } })).status).toBe(400);
    const noHypothesis = await send('POST', '/v1/experiments', '/v1/experiments', {
      body: sampleExperiment('no-such-hypothesis'),
    });
    expect(noHypothesis.status).toBeGreaterThanOrEqual(400);
    const forbidden = await send('POST', '/v1/experiments', '/v1/experiments', { body: {}, token: readOnly });
    expect(forbidden.status).toBe(403);
    expect((await send('GET', '/v1/experiments', '/v1/experiments')).status).toBe(200);
    expect((await send('GET', '/v1/experiments', '/v1/experiments', { token: null })).status).toBe(401);
    expect((await send('GET', '/v1/experiments/{key}', '/v1/experiments/doc-running')).status).toBe(200);
    expect((await send('GET', '/v1/experiments/{key}', '/v1/experiments/nope')).status).toBe(404);
    expect((await send('GET', '/v1/experiments/{key}/results', '/v1/experiments/doc-running/results')).status).toBe(
      200,
    );
    expect((await send('GET', '/v1/experiments/{key}/results', '/v1/experiments/nope/results')).status).toBe(404);
  });

  it('assignment and events', async () => {
    const event = (experiment: string, i: number) => ({ id: `e${i}`, experiment, unit: `u${i}`, type: 'exposure' });
    const assigned = await send('GET', '/v1/assign', '/v1/assign?experiment=doc-running&unit=ann');
    expect(assigned.status).toBe(200);
    expect((await send('GET', '/v1/assign', '/v1/assign?experiment=doc-running')).status).toBe(400);
    expect((await send('GET', '/v1/assign', '/v1/assign?experiment=nope&unit=ann')).status).toBe(404);
    const scoped = await send('POST', '/v1/experiments', '/v1/experiments', {
      body: { ...sampleExperiment(await approvedHypothesis(), 'doc-scoped'), segmentAttribute: 'country', start: true },
    });
    await deps.db.experiment.update({ where: { id: scoped.body.id }, data: { scopeSegments: ['DE'] } });
    const outside = await send('GET', '/v1/assign', '/v1/assign?experiment=doc-scoped&unit=ann&country=FR');
    expect(outside.body).toMatchObject({ variant: null, inExperiment: false });
    const inside = await send('GET', '/v1/assign', '/v1/assign?experiment=doc-scoped&unit=ann&segment=DE');
    expect(inside.body).toMatchObject({ inExperiment: true });
    // A winner send's remainder waits for the decision, then gets the winner (both answers match the schema).
    const winnerSend = await send('POST', '/v1/experiments', '/v1/experiments', {
      body: {
        ...sampleExperiment(await approvedHypothesis(), 'doc-winner'),
        plannedUsers: 100,
        winnerSend: { audienceSize: 1000, decisionHours: 4 },
        start: true,
      },
    });
    expect(winnerSend.body.winnerSend).toMatchObject({ testShare: 0.1, winnerVariant: null });
    const remainder = Array.from({ length: 50 }, (_, i) => `r${i}`).find(
      (u) => bucketOf('doc-winner', u) >= 0.1,
    ) as string;
    const waiting = await send('GET', '/v1/assign', `/v1/assign?experiment=doc-winner&unit=${remainder}`);
    expect(waiting.body).toEqual({
      experiment: 'doc-winner',
      unit: remainder,
      variant: null,
      inExperiment: true,
      waiting: true,
    });
    await deps.db.experiment.update({
      where: { id: winnerSend.body.id },
      data: { winnerVariant: 'promo', winnerDecidedAt: new Date() },
    });
    const winner = await send('GET', '/v1/assign', `/v1/assign?experiment=doc-winner&unit=${remainder}`);
    expect(winner.body).toEqual({ experiment: 'doc-winner', unit: remainder, variant: 'promo', inExperiment: true });
    expect((await send('GET', '/v1/experiments/{key}', '/v1/experiments/doc-winner')).body.winnerSend).toMatchObject({
      winnerVariant: 'promo',
    });
    const refused = await send('POST', '/v1/events', '/v1/events', {
      body: { events: [{ ...event('doc-scoped', 9), attributes: { country: 'FR' } }] },
    });
    expect(refused.body.issues[0]).toMatchObject({ index: 0, field: 'events.0.attributes.country' });
    expect((await send('GET', '/v1/experiments/{key}', '/v1/experiments/doc-scoped')).body.scopeSegments).toEqual([
      'DE',
    ]);
    const ok = await send('POST', '/v1/events', '/v1/events', { body: { events: [event('doc-running', 1)] } });
    expect(ok.status).toBe(202);
    expect((await send('POST', '/v1/events', '/v1/events', { body: { events: [] } })).status).toBe(400);
    expect((await send('POST', '/v1/events', '/v1/events', { body: '{"events": [' })).status).toBe(400);
    expect((await send('POST', '/v1/events', '/v1/events', { body: { events: [event('nope', 1)] } })).status).toBe(404);
    await send('POST', '/v1/experiments', '/v1/experiments', {
      body: sampleExperiment(await approvedHypothesis(), 'doc-draft'),
    });
    expect((await send('POST', '/v1/events', '/v1/events', { body: { events: [event('doc-draft', 1)] } })).status).toBe(
      409,
    );
    const many = { events: Array.from({ length: 10_001 }, (_, i) => event('doc-running', i)) };
    expect((await send('POST', '/v1/events', '/v1/events', { body: many })).status).toBe(413);
  });

  it('reports and locations', async () => {
    const path = '/v1/experiments/{key}/report';
    const variants = [
      { key: 'control', users: 100, conversions: 10 },
      { key: 'promo', users: 100, conversions: 12 },
    ];
    expect((await send('PUT', path, '/v1/experiments/doc-running/report', { body: { variants } })).status).toBe(200);
    expect((await send('PUT', path, '/v1/experiments/doc-running/report', { body: { variants: [] } })).status).toBe(
      400,
    );
    expect((await send('PUT', path, '/v1/experiments/nope/report', { body: { variants } })).status).toBe(404);
    expect((await send('PUT', path, '/v1/experiments/doc-draft/report', { body: { variants } })).status).toBe(409);
    const locations = '/v1/experiments/{key}/locations';
    const rows = ['a', 'b', 'c', 'd'].flatMap((location, i) =>
      ['2026-09-14', '2026-09-21'].map((week) => ({ location, week, sales: 1000 + i * 100 })),
    );
    const json = { rows, start: '2026-10-01' };
    expect((await send('PUT', locations, '/v1/experiments/doc-running/locations', { body: json })).status).toBe(200);
    const csv = 'store,week,sales\nstore-1,2026-09-14,abc';
    const bad = await send('PUT', locations, '/v1/experiments/doc-running/locations', { body: csv, type: 'text/csv' });
    expect(bad.status).toBe(400);
    expect((await send('PUT', locations, '/v1/experiments/nope/locations', { body: json })).status).toBe(404);
    expect((await send('PUT', locations, '/v1/experiments/doc-draft/locations', { body: json })).status).toBe(409);
  });

  it('covariates', async () => {
    const path = '/v1/experiments/{key}/covariates';
    const at = (key: string) => `/v1/experiments/${key}/covariates`;
    const body = { covariates: [{ unit: 'u1', covariate: 4 }] };
    expect((await send('PUT', path, at('doc-running'), { body })).status).toBe(200);
    const csv = 'unit,covariate\nu2,1.5\n';
    expect((await send('PUT', path, at('doc-running'), { body: csv, type: 'text/csv' })).status).toBe(200);
    const bad = { covariates: [{ unit: 'u1', covariate: 'x' }] };
    expect((await send('PUT', path, at('doc-running'), { body: bad })).status).toBe(400);
    expect((await send('PUT', path, at('doc-running'), { body: 'unit\nu1', type: 'text/csv' })).status).toBe(400);
    expect((await send('PUT', path, at('nope'), { body })).status).toBe(404);
    await send('POST', '/v1/experiments', '/v1/experiments', {
      body: sampleExperiment(await approvedHypothesis(), 'doc-stopped'),
    });
    await deps.db.experiment.updateMany({
      where: { workspaceId: ws.id, key: 'doc-stopped' },
      data: { status: 'STOPPED' },
    });
    expect((await send('PUT', path, at('doc-stopped'), { body })).status).toBe(409);
  });

  it('hypotheses, offers and promotions', async () => {
    expect((await send('GET', '/v1/hypotheses', '/v1/hypotheses?limit=2')).status).toBe(200);
    expect((await send('GET', '/v1/hypotheses', '/v1/hypotheses?limit=0')).status).toBe(400);
    const offers = await send('GET', '/v1/offers', '/v1/offers?experiment=doc-running', { token: readOnly });
    expect(offers.status).toBe(200);
    expect((await send('GET', '/v1/offers', '/v1/offers?experiment=')).status).toBe(400);
    const experiment = await deps.db.experiment.findFirstOrThrow({ where: { workspaceId: ws.id, key: 'doc-running' } });
    await deps.db.promotion.create({
      data: {
        workspaceId: ws.id,
        offerId: offers.body.items[0].id,
        experimentId: experiment.id,
        kind: 'PROMOTE',
        fromRung: 'EMAIL',
        toRung: 'BANNER',
        evidence: { winner: 'promo' },
        segments: [],
      },
    });
    const promotions = await send('GET', '/v1/promotions', '/v1/promotions');
    expect(promotions.body.items[0]).toMatchObject({ experimentKey: 'doc-running', status: 'PROPOSED' });
    expect((await send('GET', '/v1/promotions', '/v1/promotions?status=MAYBE')).status).toBe(400);
  });

  it('learnings', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'WON' });
    const e = await insertEndedExperiment(deps.db, ws, { hypothesisId: h.id, createdById: ws.users.MARKETER.id });
    await deps.db.learning.create({
      data: {
        workspaceId: ws.id,
        experimentId: e.id,
        text: 'Urgency beat the discount.',
        tags: ['urgency'],
        authorId: ws.users.MARKETER.id,
      },
    });
    const page = await send('GET', '/v1/learnings', '/v1/learnings?tag=Urgency&outcome=WIN', { token: readOnly });
    expect(page.body).toMatchObject({ total: 1, items: [{ experimentKey: e.key, tags: ['urgency'], lift: 0.12 }] });
    expect((await send('GET', '/v1/learnings', '/v1/learnings?outcome=MAYBE')).status).toBe(400);
  });

  it('insights: before the first computation and after', async () => {
    const before = await send('GET', '/v1/insights', '/v1/insights', { token: readOnly });
    expect(before.body).toMatchObject({ computedAt: null, completedTests: 0, figures: null });
    await recomputeInsights(deps, { workspaceId: ws.id });
    const after = await send('GET', '/v1/insights', '/v1/insights', { token: readOnly });
    expect(after.body.figures).toMatchObject({ tooFewToCalibrate: true, tau2: null });
  });

  it('a database that is down: 503 as documented', async () => {
    const redis = createRedis('producer');
    const db = createDb('postgresql://127.0.0.1:1/nothing');
    const broken = createApiServer({ ...deps, db, redis, queue: createQueue(redis, 'openapi-down') }, auth);
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    try {
      const at = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
      expect((await send('GET', '/v1/experiments', '/v1/experiments', { at })).status).toBe(503);
    } finally {
      broken.close();
      redis.disconnect();
      await db.$disconnect();
    }
  });

  it('unknown paths and wrong methods answer with the Error schema', async () => {
    const error = ajv.compile({ $ref: 'openapi.json#/components/schemas/Error' });
    const wrong = await fetch(`${base}/v1/events`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(error(await wrong.json())).toBe(true);
    const unknown = await fetch(`${base}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(error(await unknown.json())).toBe(true);
  });

  it('every documented operation was exercised above', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...seen].sort());
  });
});
