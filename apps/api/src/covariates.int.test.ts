import { mulberry32 } from '@uplift/domain';
import { experimentResults, ingestBatch, putCovariates } from '@uplift/services';
import { evaluateExperimentJob } from '@uplift/worker';
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

// Issue 11 part 3: covariates (CUPED) in, kept exact in the aggregates whatever the order of arrival.
const deps = testDeps('covariates');
const api = await serveApi(deps);
const base = api.base;
let ws: TestWorkspace;
let key: string;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'covariates');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read']);
});
afterAll(async () => {
  await api.close();
  await deps.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
type Json = any;
const put = async (path: string, body: unknown, csv = false) => {
  const res = await fetch(`${base}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': csv ? 'text/csv' : 'application/json' },
    body: csv ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, json: () => res.json() as Promise<Json> };
};

const REVENUE = { name: 'revenue', kind: 'mean' as const };
const METRICS = {
  primary: { name: 'purchase', kind: 'binomial' as const },
  guardrails: [{ name: 'revenue', kind: 'mean' as const, direction: 'up' as const }],
};

async function experiment(start = true, metrics: typeof METRICS | { primary: typeof REVENUE } = METRICS) {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
  const e = await owner.experiment.create({ ...sampleExperiment(h.id), metrics, plannedUsers: 10_000, start });
  return { id: e.id, key: e.key, owner };
}

/** The CUPED columns as ingestion keeps them: `variant/metric:…` lines, sorted. */
async function kept(experimentId: string) {
  const rows = await deps.db.experimentAggregate.findMany({ where: { experimentId } });
  return rows
    .map((r) =>
      r.metric === ''
        ? `${r.variant}/:${r.units}/${r.covariateUnits}/${r.covariateSum}/${r.covariateSumSquares}`
        : `${r.variant}/${r.metric}:${r.sum}/${r.sumProduct}/${r.coveredSum}`,
    )
    .sort();
}

/** A unit: its variant, covariate (upload wins over the exposure's), revenue values and whether it bought. */
interface Unit {
  id: string;
  variant: 'control' | 'promo';
  uploaded: number | null;
  onExposure: number | null;
  revenue: number[];
  bought: boolean;
}

/** The same figures computed from the units directly. */
function expected(units: Unit[]) {
  const lines = new Map<string, number[]>();
  const add = (k: string, values: number[]) => {
    const was = lines.get(k) ?? values.map(() => 0);
    lines.set(
      k,
      was.map((w, i) => w + (values[i] as number)),
    );
  };
  for (const u of units) {
    const x = u.uploaded ?? u.onExposure;
    const covered = x === null ? 0 : 1;
    add(`${u.variant}/:`, [1, covered, x ?? 0, (x ?? 0) ** 2]);
    const revenue = u.revenue.reduce((s, v) => s + v, 0);
    if (u.revenue.length) add(`${u.variant}/revenue:`, [revenue, (x ?? 0) * revenue, covered * revenue]);
    if (u.bought) add(`${u.variant}/purchase:`, [1, x ?? 0, covered]);
  }
  return [...lines].map(([k, v]) => `${k}${v.join('/')}`).sort();
}

const shuffled = <T>(list: T[], rnd: () => number) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j] as T] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** Units with covariates in halves (so every sum is exact), some uploaded, some on the exposure, some both, some none. */
function unitsOf(rnd: () => number): Unit[] {
  return Array.from({ length: 30 }, (_, i) => {
    const x = () => Math.floor(rnd() * 40) / 2;
    const kind = i % 4; // 0: uploaded, 1: on the exposure, 2: both (the upload wins), 3: none
    return {
      id: `u${i}`,
      variant: i % 2 ? 'promo' : 'control',
      uploaded: kind === 0 || kind === 2 ? x() : null,
      onExposure: kind === 1 || kind === 2 ? x() : null,
      revenue: Array.from({ length: Math.floor(rnd() * 3) }, () => Math.floor(rnd() * 60) / 2),
      bought: rnd() < 0.5,
    };
  });
}

/**
 * Every unit's data as operations: event batches of one event and covariate uploads of a few units; `earlier`
 * uploads give some units another value first, which the final upload replaces.
 */
function operations(experiment: string, units: Unit[], rnd: () => number) {
  const events: Record<string, unknown>[] = [];
  const earlier: { unit: string; covariate: number }[][] = [];
  for (const u of units) {
    const covariate = u.onExposure === null ? {} : { covariate: u.onExposure };
    events.push({ id: `x-${u.id}`, experiment, unit: u.id, type: 'exposure', variant: u.variant, ...covariate });
    u.revenue.forEach((value, c) => {
      events.push({ id: `r-${u.id}-${c}`, experiment, unit: u.id, type: 'conversion', metric: 'revenue', value });
    });
    if (u.bought) events.push({ id: `p-${u.id}`, experiment, unit: u.id, type: 'conversion' });
    if (u.uploaded !== null && rnd() < 0.4) earlier.push([{ unit: u.id, covariate: u.uploaded + 7 }]);
  }
  const final = units.filter((u) => u.uploaded !== null).map((u) => ({ unit: u.id, covariate: u.uploaded as number }));
  const uploads = Array.from({ length: Math.ceil(final.length / 3) }, (_, i) => final.slice(3 * i, 3 * i + 3));
  return { events, earlier, uploads };
}

const ingest = (events: Record<string, unknown>[]) => ingestBatch(deps, ws.id, { events: events as never });
const upload = (experimentKey: string, covariates: { unit: string; covariate: number }[]) =>
  putCovariates(deps, ws.id, experimentKey, { covariates }, { id: ws.users.PRODUCT_OWNER.id, email: 'po@test' });

describe('covariates: Σx, Σx², Σxy kept exact whatever the order', () => {
  it('property: events and uploads shuffled and replayed give the figures of the units', async () => {
    const rnd = mulberry32(20261202);
    for (let trial = 0; trial < 2; trial++) {
      const e = await experiment();
      const units = unitsOf(rnd);
      const { events, earlier, uploads } = operations(e.key, units, rnd);
      // Some events, then the values to be replaced, then the other events and the final uploads in any order;
      // about a third of all operations twice.
      const sends = shuffled(events, rnd).map((ev) => () => ingest([ev]));
      const first = Math.floor(sends.length / 3);
      for (const send of sends.slice(0, first)) await send();
      for (const covariates of earlier) await upload(e.key, covariates);
      const rest = [...sends.slice(first), ...uploads.map((covariates) => () => upload(e.key, covariates))];
      const replays = [...sends, ...rest].filter(() => rnd() < 0.3);
      for (const op of shuffled([...rest, ...replays], rnd)) await op();
      expect(await kept(e.id), `trial ${trial}`).toEqual(expected(units));
    }
  });
});

describe('PUT /v1/experiments/{key}/covariates', () => {
  it('takes JSON or CSV; the same upload again changes nothing, a changed value replaces the stored one', async () => {
    const e = await experiment();
    await ingest([
      { id: 'x1', experiment: e.key, unit: 'u1', type: 'exposure', variant: 'control' },
      { id: 'x2', experiment: e.key, unit: 'u2', type: 'exposure', variant: 'control' },
      { id: 'p1', experiment: e.key, unit: 'u1', type: 'conversion' },
    ]);
    const path = `/v1/experiments/${e.key}/covariates`;
    const json = await put(path, { covariates: [{ unit: 'u1', covariate: 3 }] });
    expect([json.status, await json.json()]).toEqual([200, { units: 1, changed: 1 }]);
    const csv = await put(path, 'unit,covariate\nu1,3\nu2,4\n', true);
    expect([csv.status, await csv.json()]).toEqual([200, { units: 2, changed: 1 }]);
    const again = await put(path, 'unit,covariate\nu1,3\nu2,4\n', true);
    expect(await again.json()).toEqual({ units: 2, changed: 0 });
    expect(await kept(e.id)).toEqual(['control/:2/2/7/25', 'control/purchase:1/3/1']);
    await put(path, { covariates: [{ unit: 'u1', covariate: 0.5 }] });
    expect(await kept(e.id)).toEqual(['control/:2/2/4.5/16.25', 'control/purchase:1/0.5/1']);
    const audit = await deps.db.auditEvent.findMany({ where: { entityId: e.id, action: 'experiment.covariates' } });
    // One audit row per upload, whatever their order in the log (several may share a millisecond).
    expect(audit.map((a) => JSON.stringify(a.after)).sort()).toEqual(
      [
        { units: 1, changed: 1 },
        { units: 2, changed: 1 },
        { units: 2, changed: 0 },
        { units: 1, changed: 1 },
      ]
        .map((a) => JSON.stringify(a))
        .sort(),
    );
  });

  it('refuses the whole upload for one bad row, naming the row and field; nothing is stored', async () => {
    const e = await experiment();
    const path = `/v1/experiments/${e.key}/covariates`;
    const bad = await put(path, {
      covariates: [
        { unit: 'u1', covariate: 1 },
        { unit: 'u2', covariate: 'high' },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues).toEqual([{ field: 'covariates.1.covariate', message: expect.any(String) }]);
    const csv = await put(path, 'unit,covariate\nu1,1\nu2,n/a\n', true);
    expect(csv.status).toBe(400);
    expect((await csv.json()).error).toContain('row 3: covariate "n/a" is not a number');
    // A binary file sent as CSV (here the start of a PNG) is called what it is, not parsed into garbage rows.
    const png = await put(path, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), true);
    expect(png.status).toBe(400);
    expect((await png.json()).error).toBe(
      'The body is not a CSV file: it holds binary data. Export the sheet as CSV (UTF-8).',
    );
    const twice = await put(path, {
      covariates: [
        { unit: 'u1', covariate: 1 },
        { unit: 'u1', covariate: 2 },
      ],
    });
    expect((await twice.json()).issues[0].field).toBe('covariates.1.unit');
    expect(await deps.db.unitCovariate.count({ where: { experimentId: e.id } })).toBe(0);
  });

  it('a draft takes covariates, counted when its units are exposed; completed and stopped answer 409', async () => {
    const e = await experiment(false);
    expect(
      (await put(`/v1/experiments/${e.key}/covariates`, { covariates: [{ unit: 'u1', covariate: 2 }] })).status,
    ).toBe(200);
    const draft = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect([draft.lastDataAt, draft.dataVersion]).toEqual([null, 0]); // the no-data clock starts at the start
    await e.owner.experiment.start({ key: e.key });
    await ingest([{ id: 'x1', experiment: e.key, unit: 'u1', type: 'exposure', variant: 'promo', covariate: 9 }]);
    expect(await kept(e.id)).toEqual(['promo/:1/1/2/4']); // the upload wins over the exposure's value
    for (const status of ['COMPLETED', 'STOPPED'] as const) {
      await deps.db.experiment.update({ where: { id: e.id }, data: { status } });
      const before = (await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).dataVersion;
      const res = await put(`/v1/experiments/${e.key}/covariates`, { covariates: [{ unit: 'u1', covariate: 5 }] });
      expect(res.status).toBe(409);
      expect((await res.json()).error).toContain(`is ${status.toLowerCase()}; it takes no more data`);
      expect((await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).dataVersion).toBe(before);
    }
    expect(await kept(e.id)).toEqual(['promo/:1/1/2/4']);
  });
});

describe('evaluation with covariates', () => {
  it('uses CUPED once 80% of the units have a covariate: adjusted and raw estimates, fewer planned users', async () => {
    const e = await experiment(true, { primary: REVENUE });
    const rnd = mulberry32(5);
    const events: Record<string, unknown>[] = [];
    const covariates: { unit: string; covariate: number }[] = [];
    for (let i = 0; i < 200; i++) {
      const x = Math.floor(rnd() * 100);
      const value = Math.max(1, x + Math.floor((rnd() - 0.5) * 40) + (i % 2 ? 10 : 0));
      events.push({
        id: `x${i}`,
        experiment: e.key,
        unit: `u${i}`,
        type: 'exposure',
        variant: i % 2 ? 'promo' : 'control',
      });
      events.push({ id: `r${i}`, experiment: e.key, unit: `u${i}`, type: 'conversion', metric: 'revenue', value });
      if (i % 10 < 8) covariates.push({ unit: `u${i}`, covariate: x }); // 80% exactly
    }
    await ingest(events);
    await evaluateExperimentJob(deps.db, deps.queue, e.id);
    const before = await experimentResults(deps, ws.id, e.key);
    expect(before.analysis).not.toHaveProperty('cuped');
    expect(before.progress.plannedUsers).toBe(10_000);
    await upload(e.key, covariates);
    await evaluateExperimentJob(deps.db, deps.queue, e.id);
    const after = await experimentResults(deps, ws.id, e.key);
    const analysis = after.analysis as Json;
    expect(analysis.cuped).toMatchObject({ coverage: 0.8, theta: expect.any(Number) });
    const rho = analysis.cuped.correlation as number;
    expect(rho).toBeGreaterThan(0.5);
    expect(after.progress.plannedUsers).toBe(Math.ceil(10_000 * (1 - rho * rho)));
    const promo = analysis.variants[1];
    expect(promo.cuped.raw.estimate).toBeCloseTo((before.analysis as Json).variants[1].estimate, 12);
    expect(promo.cuped.varianceReduction).toBeGreaterThan(0.2);
    expect(promo.ci[1] - promo.ci[0]).toBeLessThan(promo.cuped.raw.ci[1] - promo.cuped.raw.ci[0]);
    expect(promo.cuped.intervalReduction).toBeGreaterThan(0.1);
  });
});
