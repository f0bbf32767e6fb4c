import { countRawEvents, hashApiKey } from '@uplift/db';
import { assignVariant, bucketOf, cumulativeWeights } from '@uplift/domain';
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

const deps = testDeps('rest');
const api = await serveApi(deps);
const base = api.base;
let ws: TestWorkspace;
let other: TestWorkspace;
let key: string;
let readOnly: string;
let foreign: string;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'rest');
  other = await createWorkspace(deps.db, 'rest-other');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read', 'write']);
  readOnly = await apiKeyFor(deps.db, ws, ['read']);
  foreign = await apiKeyFor(deps.db, other, ['ingest', 'read', 'write']);
});
afterAll(async () => {
  await api.close();
  await deps.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
type Json = any;
const call = async (method: string, path: string, body?: unknown, token = key) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: () => res.json() as Promise<Json> };
};

async function runningExperiment(overrides: Record<string, unknown> = {}) {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const res = await call('POST', '/v1/experiments', { ...sampleExperiment(h.id), start: true, ...overrides });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; key: string };
}

const counts = async (experimentId: string) => {
  const rows = await deps.db.experimentAggregate.findMany({ where: { experimentId } });
  const events = await countRawEvents(deps.db, experimentId);
  return { events, rows: rows.map((r) => `${r.variant}/${r.metric}:${r.units}/${r.sum}/${r.sumSquares}`).sort() };
};

describe('REST /v1: API keys', () => {
  it('refuses a missing, unknown or revoked key (401) and a missing scope (403)', async () => {
    expect((await fetch(`${base}/v1/experiments`)).status).toBe(401);
    expect((await call('GET', '/v1/experiments', undefined, 'upl_nope')).status).toBe(401);
    const revoked = await apiKeyFor(deps.db, ws, ['read']);
    await deps.db.apiKey.update({ where: { hash: hashApiKey(revoked) }, data: { revokedAt: new Date() } });
    expect((await call('GET', '/v1/experiments', undefined, revoked)).status).toBe(401);
    const res = await call('POST', '/v1/events', { events: [] }, readOnly);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toContain('"ingest"');
  });

  it("never reaches another workspace's experiment: 404", async () => {
    const e = await runningExperiment();
    expect((await call('GET', `/v1/experiments/${e.key}/results`, undefined, foreign)).status).toBe(404);
    expect((await call('GET', `/v1/assign?experiment=${e.key}&unit=u1`, undefined, foreign)).status).toBe(404);
    const res = await call(
      'POST',
      '/v1/events',
      { events: [{ id: 'x', experiment: e.key, unit: 'u', type: 'exposure' }] },
      foreign,
    );
    expect(res.status).toBe(404);
    expect((await counts(e.id)).events).toBe(0);
  });

  it('serves the OpenAPI document generated from the zod schemas', async () => {
    const doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as Json;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/events', '/v1/assign', '/v1/experiments', '/v1/experiments/{key}/results']),
    );
    const events = doc.paths['/v1/events'].post.requestBody.content['application/json'].schema;
    expect(events.properties.events.maxItems).toBe(10_000);
    expect(events.properties.events.items.properties.type.enum).toEqual(['exposure', 'conversion']);
  });
});

describe('REST /v1: experiments and hypotheses', () => {
  it('lists approved hypotheses and opens an experiment for one (201), as a tool would', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED', title: 'REST idea' });
    const list = await (await call('GET', '/v1/hypotheses?status=APPROVED&limit=200')).json();
    expect(list.items.find((i: { id: string }) => i.id === h.id)).toMatchObject({
      title: 'REST idea',
      status: 'APPROVED',
      channel: 'EMAIL',
      roi: expect.any(Number),
    });
    expect(list).toHaveProperty('nextCursor');
    const res = await call('POST', '/v1/experiments', {
      key: 'spring-promo-email',
      name: 'Spring promo',
      hypothesisId: h.id,
      channel: 'EMAIL',
      variants: [
        { key: 'control', name: 'Current offer', weight: 0.5 },
        { key: 'promo', name: '−15% code', weight: 0.5 },
      ],
      metrics: {
        primary: { name: 'purchase', kind: 'binomial' },
        guardrails: [{ name: 'unsubscribe', kind: 'binomial', direction: 'down' }],
      },
      analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'holm' },
      plannedUsers: 40000,
      start: true,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ key: 'spring-promo-email', status: 'RUNNING', plannedUsers: 40000 });
    const audit = await callerFor(deps, ws.users.ANALYST, ws.slug).audit.list({ entityType: 'experiment' });
    expect(audit[0]?.actorEmail).toContain('api key');
  });

  it('shows the offer on the ladder and the promotion proposals to tools (read scope)', async () => {
    const offers = await (await call('GET', '/v1/offers?experiment=spring-promo-email', undefined, readOnly)).json();
    expect(offers.items).toHaveLength(1);
    expect(offers.items[0]).toMatchObject({
      name: expect.any(String),
      rung: 'EMAIL',
      state: 'TESTING',
      hypothesisId: expect.any(String),
      experiments: [{ key: 'spring-promo-email', channel: 'EMAIL', status: 'RUNNING', decision: null }],
    });
    const promotions = await (await call('GET', '/v1/promotions?status=PROPOSED', undefined, readOnly)).json();
    expect(promotions).toEqual({ items: [] });
    expect((await call('GET', '/v1/promotions?status=MAYBE', undefined, readOnly)).status).toBe(400);
  });

  it('pages hypotheses with nextCursor', async () => {
    const first = await (await call('GET', '/v1/hypotheses?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = await (await call('GET', `/v1/hypotheses?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('refuses an experiment without write scope, and names every bad field', async () => {
    expect((await call('POST', '/v1/experiments', {}, readOnly)).status).toBe(403);
    const res = await call('POST', '/v1/experiments', { key: 'x', variants: [] });
    expect(res.status).toBe(400);
    const fields = (await res.json()).issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['hypothesisId', 'variants', 'metrics']));
  });
});

describe('REST /v1: assignment', () => {
  it('answers the documented hash, the same every time', async () => {
    const e = await runningExperiment({
      variants: [
        { key: 'a', weight: 0.2 },
        { key: 'b', weight: 0.8 },
      ],
    });
    for (const unit of ['alice@example.com', 'bob', '42']) {
      const body = await (await call('GET', `/v1/assign?experiment=${e.key}&unit=${encodeURIComponent(unit)}`)).json();
      const expected = ['a', 'b'][assignVariant(e.key, unit, cumulativeWeights([0.2, 0.8]))];
      expect(body).toEqual({ experiment: e.key, unit, variant: expected, inExperiment: true });
      expect(expected).toBe(bucketOf(e.key, unit) < 0.2 ? 'a' : 'b');
    }
    const missing = await call('GET', `/v1/assign?experiment=${e.key}`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toContain('unit');
  });
});

describe('REST /v1/events: ingestion', () => {
  const exposure = (e: string, unit: string, variant?: string) => ({
    id: `x-${unit}`,
    experiment: e,
    unit,
    type: 'exposure',
    ...(variant ? { variant } : {}),
  });
  const purchase = (e: string, unit: string, n = 1) => ({
    id: `c-${unit}-${n}`,
    experiment: e,
    unit,
    type: 'conversion',
  });

  it('counts exposed units and converted units; an unexposed conversion is kept but unattributed', async () => {
    const e = await runningExperiment();
    const events = [
      exposure(e.key, 'u1', 'control'),
      exposure(e.key, 'u2', 'promo'),
      exposure(e.key, 'u3', 'promo'),
      purchase(e.key, 'u2'),
      purchase(e.key, 'u2', 2), // a second conversion of the same unit: still one converted unit
      purchase(e.key, 'ghost'),
    ];
    const res = await call('POST', '/v1/events', { events });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 6, duplicates: 0, unattributed: 1 });
    expect((await counts(e.id)).rows).toEqual(['control/:1/0/0', 'promo/:2/0/0', 'promo/purchase:1/1/1']);
    // The first exposure fixes the variant: a later one claiming another variant changes nothing.
    await call('POST', '/v1/events', { events: [{ ...exposure(e.key, 'u1', 'promo'), id: 'again' }] });
    expect((await counts(e.id)).rows).toEqual(['control/:1/0/0', 'promo/:2/0/0', 'promo/purchase:1/1/1']);
  });

  it('a replayed batch leaves every count unchanged', async () => {
    const e = await runningExperiment();
    const events = [exposure(e.key, 'a'), exposure(e.key, 'b'), purchase(e.key, 'a'), purchase(e.key, 'b')];
    await call('POST', '/v1/events', { events });
    const before = await counts(e.id);
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', '/v1/events', { events });
      expect(await res.json()).toEqual({ accepted: 0, duplicates: 4, unattributed: 0 });
    }
    expect(await counts(e.id)).toEqual(before);
  });

  it('4 concurrent clients sending overlapping batches give exact counts', async () => {
    const e = await runningExperiment();
    const units = Array.from({ length: 2000 }, (_, i) => `unit-${i}`);
    const all = units.flatMap((u, i) =>
      i % 4 === 0 ? [exposure(e.key, u), purchase(e.key, u)] : [exposure(e.key, u)],
    );
    // Each client sends overlapping halves of the stream, in its own order, in batches of 500.
    const clients = [0, 1, 2, 3].map((c) => {
      const slice = all.slice((c % 2) * 1000, (c % 2) * 1000 + 1500);
      return c >= 2 ? slice.reverse() : slice;
    });
    const send = async (events: unknown[]) => {
      for (let i = 0; i < events.length; i += 500) {
        const res = await call('POST', '/v1/events', { events: events.slice(i, i + 500) });
        expect(res.status).toBe(202);
      }
    };
    await Promise.all(clients.map(send));
    await send(all); // and everything once more
    const stored = await countRawEvents(deps.db, e.id);
    expect(stored).toBe(all.length);
    const aggregates = await deps.db.experimentAggregate.findMany({ where: { experimentId: e.id } });
    const exposed = aggregates.filter((a) => a.metric === '').reduce((s, a) => s + a.units, 0);
    const converted = aggregates.filter((a) => a.metric === 'purchase').reduce((s, a) => s + a.units, 0);
    expect(exposed).toBe(2000);
    // A conversion that raced ahead of its unit's exposure is unattributed, never double-counted.
    const unattributed = (await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).unattributedEvents;
    expect(converted + unattributed).toBe(500);
  });

  it('mean metrics sum value per unit; Σx² follows each unit total', async () => {
    const e = await runningExperiment({ metrics: { primary: { name: 'revenue', kind: 'mean' } } });
    const events = [
      exposure(e.key, 'm1', 'control'),
      exposure(e.key, 'm2', 'control'),
      { id: 'r1', experiment: e.key, unit: 'm1', type: 'conversion', value: 10 },
      { id: 'r2', experiment: e.key, unit: 'm1', type: 'conversion', value: 5 },
    ];
    await call('POST', '/v1/events', { events });
    await call('POST', '/v1/events', {
      events: [{ id: 'r3', experiment: e.key, unit: 'm2', type: 'conversion', value: 4 }],
    });
    // units m1 = 15, m2 = 4: sum 19, Σx² 225 + 16
    expect((await counts(e.id)).rows).toContain('control/revenue:2/19/241');
  });

  it('rejects a batch with any bad event whole, listing each index and field; nothing is stored', async () => {
    const e = await runningExperiment();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await call('POST', '/v1/events', {
      events: [
        exposure(e.key, 'fine'),
        { id: 'bad-variant', experiment: e.key, unit: 'v', type: 'exposure', variant: 'nope' },
        { id: 'bad-ts', experiment: e.key, unit: 't', type: 'exposure', ts: future },
        { id: 'bad-metric', experiment: e.key, unit: 'm', type: 'conversion', metric: 'revenue' },
      ],
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toContain('nothing was stored');
    expect(body.issues.map((i: { index: number; field: string }) => [i.index, i.field])).toEqual([
      [1, 'events.1.variant'],
      [2, 'events.2.ts'],
      [3, 'events.3.metric'],
    ]);
    const shape = await call('POST', '/v1/events', {
      events: [{ id: '', experiment: e.key, unit: 'x', type: 'click' }],
    });
    expect(shape.status).toBe(400);
    expect((await shape.json()).issues.map((i: { field: string }) => i.field)).toEqual([
      'events.0.id',
      'events.0.type',
    ]);
    expect((await counts(e.id)).events).toBe(0);
  });

  it('answers malformed JSON 400, an unknown experiment 404, and an oversize batch 413', async () => {
    const malformed = await call('POST', '/v1/events', '{"events": [');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toContain('Malformed JSON');
    const unknown = await call('POST', '/v1/events', { events: [exposure('no-such-experiment', 'u')] });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).issues[0]).toMatchObject({ index: 0, field: 'events.0.experiment' });
    const tooMany = await call('POST', '/v1/events', {
      events: Array.from({ length: 10_001 }, (_, i) => exposure('x', `u${i}`)),
    });
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error).toContain('at most 10000 events');
    const big = await call('POST', '/v1/events', {
      events: [{ ...exposure('x', 'u'), pad: 'x'.repeat(6 * 1024 * 1024) }],
    });
    expect(big.status).toBe(413);
  });
});

describe('REST /v1/experiments/KEY/report', () => {
  it('replaces the previous report and keeps history; bad counts are refused', async () => {
    const e = await runningExperiment();
    const report = (promo: number) => ({
      variants: [
        { key: 'control', users: 1000, conversions: 120 },
        { key: 'promo', users: 1000, conversions: promo },
      ],
    });
    expect((await call('PUT', `/v1/experiments/${e.key}/report`, report(140))).status).toBe(200);
    expect((await call('PUT', `/v1/experiments/${e.key}/report`, report(150))).status).toBe(200);
    expect(await deps.db.experimentReport.count({ where: { experimentId: e.id } })).toBe(2);
    const negative = await call('PUT', `/v1/experiments/${e.key}/report`, {
      variants: [{ key: 'control', users: -1, conversions: 0 }],
    });
    expect(negative.status).toBe(400);
    expect((await negative.json()).issues[0]).toMatchObject({ field: 'variants.0.users', message: 'must be ≥ 0' });
    const over = await call('PUT', `/v1/experiments/${e.key}/report`, {
      variants: [
        { key: 'control', users: 10, conversions: 11 },
        { key: 'promo', users: 10, conversions: 1 },
      ],
    });
    expect((await over.json()).issues[0]).toMatchObject({ field: 'variants.0.conversions' });
    const unknown = await call('PUT', `/v1/experiments/${e.key}/report`, {
      variants: [
        { key: 'control', users: 10, conversions: 1 },
        { key: 'other', users: 10, conversions: 1 },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(await deps.db.experimentReport.count({ where: { experimentId: e.id } })).toBe(2);
  });
});
