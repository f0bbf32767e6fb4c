import { countRawEvents, rawEventsOf } from '@uplift/db';
import { mulberry32 } from '@uplift/domain';
import { evaluationJobId, requestEvaluation } from '@uplift/jobs';
import { ingestBatch } from '@uplift/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyFor, callerFor, createWorkspace, serveApi, type TestWorkspace, testDeps } from './testing/fixtures';
import { figuresFromScratch, keptFigures, runningExperiment } from './testing/ingestion-figures';

// Issue 10, points 1, 4 and 5: aggregates follow exactly the stored raw rows, whatever the delivery.
const deps = testDeps('ingestion-integrity');
const api = await serveApi(deps);
const base = api.base;
let ws: TestWorkspace;
let key: string;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'integrity');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read', 'write']);
});
afterAll(async () => {
  await api.close();
  await deps.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
type Json = any;
const call = async (method: string, path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: () => res.json() as Promise<Json> };
};

const running = (channel?: 'EMAIL' | 'BANNER') => runningExperiment(deps, ws, channel);
const kept = (experimentId: string) => keptFigures(deps.db, experimentId);
const fromScratch = (experimentId: string, startedAt: Date) => figuresFromScratch(deps.db, experimentId, startedAt);

/** A seeded generator, so a failing case can be replayed. */
const random = mulberry32;
const shuffled = <T>(list: T[], rnd: () => number) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j] as T] = [out[j] as T, out[i] as T];
  }
  return out;
};
const chunks = <T>(list: T[], rnd: () => number) => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; ) {
    const n = 1 + Math.floor(rnd() * 40);
    out.push(list.slice(i, i + n));
    i += n;
  }
  return out;
};

/**
 * A fixed event set: units with one variant each (declared or assigned), exposures sometimes repeated, binomial
 * and mean conversions (values in halves, so every sum is exact), conversions before the start, and units
 * never exposed. With `repeats`, some ids recur inside the set with other contents (the first one wins). With
 * `declared`, every exposure names its variant (the same set then means the same figures in any experiment).
 */
function eventSet(experiment: string, startedAt: Date, rnd: () => number, { repeats = false, declared = false } = {}) {
  const events: Record<string, unknown>[] = [];
  const before = new Date(startedAt.getTime() - 3600_000).toISOString();
  for (let u = 0; u < 40; u++) {
    const unit = `u${u}`;
    const variant = u % 3 === 0 && !declared ? {} : { variant: u % 2 ? 'promo' : 'control' };
    if (u % 7 !== 0) events.push({ id: `x-${u}`, experiment, unit, type: 'exposure', ...variant });
    if (u % 5 === 0) events.push({ id: `x2-${u}`, experiment, unit, type: 'exposure', ...variant });
    for (let c = 0; c < Math.floor(rnd() * 4); c++) {
      const mean = rnd() < 0.5;
      const early = rnd() < 0.1 ? { ts: before } : {};
      const value = mean ? { metric: 'revenue', value: Math.floor(rnd() * 200) / 2 } : {};
      events.push({ id: `c-${u}-${c}`, experiment, unit, type: 'conversion', ...value, ...early });
    }
  }
  if (repeats) {
    for (let i = 0; i < 15; i++) {
      const copy = events[Math.floor(rnd() * events.length)] as Record<string, unknown>;
      // An exposure keeps its unit (a unit has one variant); a conversion may name another unit and value.
      const unit = copy.type === 'exposure' ? copy.unit : `u${Math.floor(rnd() * 40)}`;
      events.push({ ...copy, unit, ...(copy.value === undefined ? {} : { value: 3.5 }) });
    }
  }
  return events;
}

const ingest = (events: Record<string, unknown>[]) => ingestBatch(deps, ws.id, { events: events as never });

describe('ingestion: every event counted exactly once, whatever the delivery', () => {
  it('counts the first of two events sharing an id in one batch, like two batches would', async () => {
    const e = await running();
    const res = await call('POST', '/v1/events', {
      events: [
        { id: 'x1', experiment: e.key, unit: 'u1', type: 'exposure', variant: 'control' },
        { id: 'x2', experiment: e.key, unit: 'u2', type: 'exposure', variant: 'control' },
        { id: 'r', experiment: e.key, unit: 'u1', type: 'conversion', metric: 'revenue', value: 10 },
        { id: 'r', experiment: e.key, unit: 'u2', type: 'conversion', metric: 'revenue', value: 4 },
        { id: 'p', experiment: e.key, unit: 'u1', type: 'conversion' },
        { id: 'p', experiment: e.key, unit: 'u2', type: 'conversion' },
      ],
    });
    expect(await res.json()).toEqual({ accepted: 4, duplicates: 2, unattributed: 0 });
    expect((await kept(e.id)).rows).toEqual(['control/:2/0/0', 'control/purchase:1/1/1', 'control/revenue:1/10/100']);
  });

  it('property: any batch, split any way and replayed in any order, gives the aggregates of its stored rows', async () => {
    const rnd = random(20261202);
    for (let trial = 0; trial < 4; trial++) {
      const e = await running(trial % 2 ? 'BANNER' : 'EMAIL'); // first exposures: unit rows, or event rows
      const batches = chunks(shuffled(eventSet(e.key, e.startedAt, rnd, { repeats: true }), rnd), rnd);
      const replays = batches.filter(() => rnd() < 0.3);
      for (const batch of shuffled([...batches, ...replays], rnd)) await ingest(batch);
      expect(await kept(e.id), `trial ${trial}`).toEqual(await fromScratch(e.id, e.startedAt));
    }
  });

  it('the same event set gives the same aggregates, shuffled or delivered concurrently', async () => {
    const rnd = random(7);
    const results: unknown[] = [];
    const fixed = (experiment: string, startedAt: Date) =>
      eventSet(experiment, startedAt, random(99), { declared: true });
    for (let trial = 0; trial < 4; trial++) {
      const e = await running();
      const batches = chunks(shuffled(fixed(e.key, e.startedAt), rnd), rnd);
      if (trial % 2) await Promise.all(batches.map(ingest));
      else for (const batch of batches) await ingest(batch);
      const figures = await kept(e.id);
      expect(figures).toEqual(await fromScratch(e.id, e.startedAt));
      results.push(figures);
    }
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('a conversion sent before its exposure is attributed when the exposure arrives', async () => {
    const e = await running();
    const early = new Date(e.startedAt.getTime() - 1000).toISOString();
    const conversions = [
      { id: 'r1', experiment: e.key, unit: 'u1', type: 'conversion', metric: 'revenue', value: 6 },
      { id: 'r2', experiment: e.key, unit: 'u1', type: 'conversion', metric: 'revenue', value: 4 },
      { id: 'p1', experiment: e.key, unit: 'u1', type: 'conversion' },
      { id: 'old', experiment: e.key, unit: 'u1', type: 'conversion', ts: early },
    ];
    expect(await ingest(conversions)).toMatchObject({ accepted: 4, unattributed: 4 });
    expect((await kept(e.id)).unattributed).toBe(4);
    const exposure = { id: 'x1', experiment: e.key, unit: 'u1', type: 'exposure', variant: 'promo' };
    expect(await ingest([exposure])).toMatchObject({ accepted: 1, unattributed: 0 });
    expect(await kept(e.id)).toEqual({
      rows: ['promo/:1/0/0', 'promo/purchase:1/1/1', 'promo/revenue:1/10/100'],
      unattributed: 1, // the conversion from before the start stays out
    });
  });

  it("replays a unit's first exposure as a duplicate, stored on its unit row or, from before that, as an event row", async () => {
    const e = await running();
    const first = (unit: string) => ({ id: `x-${unit}`, experiment: e.key, unit, type: 'exposure', variant: 'promo' });
    expect(await ingest([first('new'), first('old')])).toMatchObject({ accepted: 2 });
    // As migration 20261206090000_first_exposure_on_unit found a unit: its first exposure an event row, not on it.
    await deps.db.$executeRaw`
      INSERT INTO "ExperimentEvent" ("experimentId", "eventId", "unitId", type, variant, ts, attributed)
      SELECT "experimentId", "eventId", "unitId", 'exposure', variant, "exposedAt", true FROM "ExperimentUnit"
      WHERE "experimentId" = ${e.id} AND "unitId" = 'old'`;
    await deps.db.$executeRaw`
      UPDATE "ExperimentUnit" SET "eventId" = NULL WHERE "experimentId" = ${e.id} AND "unitId" = 'old'`;
    expect(await countRawEvents(deps.db, e.id)).toBe(2);
    for (const batch of [[first('new')], [first('old')], [first('old'), first('new')]]) {
      expect(await ingest(batch)).toMatchObject({ accepted: 0, duplicates: batch.length });
    }
    // An event of the unit that takes its first exposure's id is a duplicate too, like any reused id.
    const reused = { id: first('new').id, experiment: e.key, unit: 'new', type: 'conversion' };
    expect(await ingest([reused])).toMatchObject({ accepted: 0, duplicates: 1 });
    // A re-exposure is a raw event of its own; the unit's variant and count stay.
    expect(await ingest([{ ...first('old'), id: 'again' }])).toMatchObject({ accepted: 1 });
    expect(await countRawEvents(deps.db, e.id)).toBe(3);
    expect((await kept(e.id)).rows).toEqual(['promo/:2/0/0']);
  });

  it('keeps a first exposure that carries a value as an event row, its value and all', async () => {
    const e = await running();
    const valued = { id: 'x-valued', experiment: e.key, unit: 'valued', type: 'exposure', variant: 'promo', value: 7 };
    expect(await ingest([valued])).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await ingest([valued])).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await rawEventsOf(deps.db, e.id)).toMatchObject([{ eventId: 'x-valued', type: 'exposure', value: 7 }]);
    expect((await kept(e.id)).rows).toEqual(['promo/:1/0/0']);
  });

  it('stores every event at the millisecond it was sent, on a unit row or an event row', async () => {
    const e = await running();
    const at = (ms: number) => new Date(e.startedAt.getTime() + ms).toISOString();
    const sent = [
      { id: 't-first', experiment: e.key, unit: 't1', type: 'exposure', variant: 'promo', ts: at(1) },
      { id: 't-valued', experiment: e.key, unit: 't2', type: 'exposure', variant: 'promo', value: 3, ts: at(7) },
      { id: 't-again', experiment: e.key, unit: 't1', type: 'exposure', variant: 'promo', ts: at(13) },
      { id: 't-bought', experiment: e.key, unit: 't1', type: 'conversion', metric: 'purchase', ts: at(999) },
    ];
    expect(await ingest(sent)).toMatchObject({ accepted: 4 });
    const stored = (await rawEventsOf(deps.db, e.id)).map((r) => [r.eventId, r.ts.toISOString(), r.attributed]);
    expect(stored.sort()).toEqual(sent.map((x) => [x.id, x.ts, true]).sort());
  });
});

describe('evaluation requests', () => {
  it('names the job after the data version the batch made: one job per version, a repeat request a no-op', async () => {
    const e = await running();
    const exposure = (n: number) => ({ id: `v${n}`, experiment: e.key, unit: `u${n}`, type: 'exposure' });
    await ingest([exposure(1)]);
    await ingest([exposure(2), exposure(3)]);
    await ingest([exposure(2)]); // a replay: nothing changes, nothing is asked
    const { dataVersion } = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect(dataVersion).toBe(2);
    const mine = async () =>
      (await deps.queue.getJobs(['delayed', 'waiting', 'active', 'completed', 'failed']))
        .filter((j) => j.data.experimentId === e.id && j.id?.startsWith('evaluate-')) // not the schedule's
        .map((j) => j.id);
    // The second batch's request folded into the first's waiting job (one evaluation reads the latest data).
    expect(await mine()).toEqual([evaluationJobId(e.id, 1)]);
    await deps.queue.removeDeduplicationKey(`evaluate-${e.id}`); // as when that job has run
    await requestEvaluation(deps.queue, e.id, 60_000, 1); // version 1 again, e.g. from a second api: no-op
    expect(await mine()).toEqual([evaluationJobId(e.id, 1)]);
    await requestEvaluation(deps.queue, e.id, 60_000, 2);
    expect((await mine()).sort()).toEqual([evaluationJobId(e.id, 1), evaluationJobId(e.id, 2)].sort());
  });
});

describe('data after the end', () => {
  it('refuses events, reports and locations for a completed or stopped experiment with 409', async () => {
    for (const status of ['COMPLETED', 'STOPPED'] as const) {
      const e = await running();
      await deps.db.experiment.update({ where: { id: e.id }, data: { status } });
      const before = (await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).dataVersion;
      const word = status.toLowerCase();
      const events = await call('POST', '/v1/events', {
        events: [{ id: 'late', experiment: e.key, unit: 'u1', type: 'exposure' }],
      });
      expect(events.status).toBe(409);
      expect((await events.json()).issues[0].message).toContain(`is ${word}`);
      const totals = {
        variants: [
          { key: 'control', users: 10, conversions: 1 },
          { key: 'promo', users: 10, conversions: 2 },
        ],
      };
      const report = await call('PUT', `/v1/experiments/${e.key}/report`, totals);
      expect(report.status).toBe(409);
      expect((await report.json()).error).toContain(`is ${word}`);
      const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
      await expect(owner.experiment.importReport({ key: e.key, report: totals })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`is ${word}`),
      });
      const locations = await call('PUT', `/v1/experiments/${e.key}/locations`, {
        rows: [{ location: 's1', week: '2026-10-05', sales: 10 }],
      });
      expect(locations.status).toBe(409);
      const after = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
      expect(after.dataVersion).toBe(before);
      expect(await countRawEvents(deps.db, e.id)).toBe(0);
    }
  });

  it('refuses a report listing a variant twice: 400 naming the field', async () => {
    const e = await running();
    const res = await call('PUT', `/v1/experiments/${e.key}/report`, {
      variants: [
        { key: 'control', users: 10, conversions: 1 },
        { key: 'promo', users: 10, conversions: 2 },
        { key: 'control', users: 20, conversions: 3 },
      ],
    });
    expect(res.status).toBe(400);
    expect((await res.json()).issues[0]).toMatchObject({ field: 'variants.2.key' });
  });
});
