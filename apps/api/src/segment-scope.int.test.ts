import { assignVariant, cumulativeWeights } from '@uplift/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  serveApi,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

// A promotion approved for some segments only creates an experiment that reaches those segments only:
// /v1/assign leaves other units out, and /v1/events refuses their exposures.
const deps = testDeps('segment-scope');
const api = await serveApi(deps);
const base = api.base;
let ws: TestWorkspace;
let key: string;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'segment-scope');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read', 'write']);
});
afterAll(async () => {
  await api.close();
  await deps.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
type Json = any;
const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
};

/** A running experiment on `country`, scoped to `scope` as a scoped promotion's next rung is. */
async function scopedExperiment(scope: string[], segmentAttribute: string | null = 'country') {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const created = await call('POST', '/v1/experiments', { ...sampleExperiment(h.id), segmentAttribute, start: true });
  expect(created.status).toBe(201);
  await deps.db.experiment.update({ where: { id: created.body.id }, data: { scopeSegments: scope } });
  return created.body as { id: string; key: string; seed: string };
}

const assign = (experiment: string, unit: string, extra = '') =>
  call('GET', `/v1/assign?experiment=${experiment}&unit=${unit}${extra}`);

describe('segment scope: /v1/assign', () => {
  it('answers no variant for units outside the scope, and the usual hash inside it', async () => {
    const e = await scopedExperiment(['DE', 'NL']);
    const expected = ['control', 'promo'][assignVariant(e.seed, 'ann', cumulativeWeights([0.5, 0.5]))];
    for (const query of ['&country=DE', '&segment=NL', '&country=NL&segment=FR']) {
      expect((await assign(e.key, 'ann', query)).body).toEqual({
        experiment: e.key,
        unit: 'ann',
        variant: expected,
        inExperiment: true,
      });
    }
    for (const query of ['&country=FR', '&segment=FR', '', '&country=de']) {
      const res = await assign(e.key, 'ann', query);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ experiment: e.key, unit: 'ann', variant: null, inExperiment: false });
    }
  });

  it('reads `segment` when the experiment names no segment attribute', async () => {
    const e = await scopedExperiment(['vip'], null);
    expect((await assign(e.key, 'bo', '&segment=vip')).body.inExperiment).toBe(true);
    expect((await assign(e.key, 'bo', '&segment=other')).body).toMatchObject({ variant: null, inExperiment: false });
  });

  it('keeps an unscoped experiment reaching everyone, whatever the segment', async () => {
    const e = await scopedExperiment([]);
    for (const query of ['', '&country=FR', '&segment=anything']) {
      expect((await assign(e.key, 'cy', query)).body).toMatchObject({
        inExperiment: true,
        variant: expect.any(String),
      });
    }
  });
});

describe('segment scope: /v1/events', () => {
  const exposure = (experiment: string, unit: string, country?: string) => ({
    id: `x-${unit}`,
    experiment,
    unit,
    type: 'exposure',
    ...(country ? { attributes: { country } } : {}),
  });

  it('refuses a batch with one exposure from outside the scope whole, naming its index', async () => {
    const e = await scopedExperiment(['DE']);
    const other = await scopedExperiment([]);
    const res = await call('POST', '/v1/events', {
      events: [
        exposure(e.key, 'de-1', 'DE'),
        exposure(other.key, 'fr-other', 'FR'),
        { id: 'c-de-1', experiment: e.key, unit: 'de-1', type: 'conversion' },
        exposure(e.key, 'fr-1', 'FR'),
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('nothing was stored');
    expect(res.body.issues).toEqual([
      { index: 3, field: 'events.3.attributes.country', message: expect.stringContaining('"FR" is outside the scope') },
    ]);
    for (const id of [e.id, other.id]) {
      expect(await deps.db.experimentEvent.count({ where: { experimentId: id } })).toBe(0);
      expect(await deps.db.experimentUnit.count({ where: { experimentId: id } })).toBe(0);
    }
    const accepted = await call('POST', '/v1/events', {
      events: [exposure(e.key, 'de-1', 'DE'), { id: 'c-de-1', experiment: e.key, unit: 'de-1', type: 'conversion' }],
    });
    expect(accepted).toMatchObject({ status: 202, body: { accepted: 2 } });
    expect(await deps.db.experimentUnit.findMany({ where: { experimentId: e.id } })).toMatchObject([
      { unitId: 'de-1', segment: 'DE' },
    ]);
  });
});
