import { factorSales, mulberry32, type WeeklySalesRow } from '@uplift/domain';
import { evaluateExperimentJob } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyFor, createWorkspace, serveApi, type TestWorkspace, testDeps } from './testing/fixtures';
import { offlineRollout } from './testing/offline-rollout';

const deps = testDeps('locations-synthetic');
const api = await serveApi(deps);
const base = api.base;
let ws: TestWorkspace;
let key: string;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'synth');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read']);
});
afterAll(async () => {
  await api.close();
  await deps.close();
});

type Split = { treatment: string[]; holdout: string[]; plannedWeeks?: number; method?: string };

const put = async (k: string, body: string, type = 'application/json', query = '') => {
  const res = await fetch(`${base}/v1/experiments/${k}/locations${query}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': type },
    body,
  });
  return { status: res.status, body: (await res.json()) as { split: Split; error?: string } };
};
const latest = (experimentId: string) =>
  deps.db.experimentSnapshot.findFirstOrThrow({ where: { experimentId }, orderBy: { dataVersion: 'desc' } });
/** The treated locations (known only once the split is proposed) sell `lift` more from `start` on. */
const lifted = (rows: WeeklySalesRow[], treated: string[], start: string, lift: number) =>
  rows.map((r) => (r.week >= start && treated.includes(r.location) ? { ...r, sales: r.sales * (1 + lift) } : r));
const toCsv = (rows: WeeklySalesRow[]) =>
  ['location,week,sales', ...rows.map((r) => `${r.location},${r.week},${r.sales}`)].join('\n');

describe('location tests by synthetic control in the worker', () => {
  it('analyses 2 treated stores by synthetic control under "auto": keeps running until the last planned week, then decides', async () => {
    const e = await offlineRollout(deps.db, ws);
    // 26 stores, 26 weeks before the start and 4 after; a split of 2 treated (strata of 13) and 24 holdouts.
    const sales = factorSales(mulberry32(2026), { locations: 26, preWeeks: 26, postWeeks: 4, treated: 0, lift: 0 });
    const pre = sales.rows.filter((r) => r.week < sales.start);
    const first = await put(
      e.key,
      JSON.stringify({ rows: pre, start: sales.start, holdoutShare: 0.925, plannedWeeks: 4 }),
    );
    expect(first.status).toBe(200);
    const { split } = first.body;
    expect(split).toMatchObject({ plannedWeeks: 4, method: 'auto' });
    expect(split.treatment).toHaveLength(2);
    expect(split.holdout).toHaveLength(24);
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'NO_DATA' });

    const weeks = [...new Set(sales.rows.map((r) => r.week))].sort();
    const upTo = (last: string) => lifted(sales.rows, split.treatment, sales.start, 0.5).filter((r) => r.week <= last);
    // Week 3 of 4 with a +50% effect (large, so the treated pair outranks every placebo whichever stores the split treats): a synthetic control does not decide before its last planned week.
    await put(e.key, JSON.stringify({ rows: upTo(weeks[28]!) }));
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'KEEP_RUNNING' });
    const running = await latest(e.id);
    expect(running.analysis).toMatchObject({ method: 'synthetic', look: 3, plannedWeeks: 4, boundary: null });
    expect(running.analysis).not.toHaveProperty('sequential');
    expect(running.reason).toContain('decides only at the last week');
    expect(running.users).toBe(26);

    // Week 4: the last planned look, where the placebo p-value (floor 1/25) is held to α = 0.05.
    await put(e.key, JSON.stringify({ rows: upTo(weeks[29]!) }));
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'WIN' });
    const won = (await latest(e.id)).analysis as { method: string; look: number; pValue: number; relative: number };
    expect(won).toMatchObject({ method: 'synthetic', look: 4, boundary: 0.05, significant: true });
    expect(won.pValue).toBeCloseTo(1 / 25, 10);
    expect(won.relative).toBeGreaterThan(0.1);
    expect((await deps.db.offer.findFirstOrThrow({ where: { experiments: { some: { id: e.id } } } })).state).toBe(
      'ROLLED_OUT',
    );
  });

  it('keeps a 6-treated test on difference-in-differences under "auto", and follows a method set on upload', async () => {
    const sales = factorSales(mulberry32(7), { locations: 12, preWeeks: 8, postWeeks: 2, treated: 0, lift: 0 });
    const auto = await offlineRollout(deps.db, ws);
    const body = await put(auto.key, JSON.stringify({ rows: sales.rows, start: sales.start }));
    expect(body.body.split.treatment).toHaveLength(6);
    expect(body.body.split.method).toBe('auto');
    await evaluateExperimentJob(deps.db, deps.queue, auto.id);
    const did = (await latest(auto.id)).analysis as object;
    expect(did).toMatchObject({ sequential: { look: 2, plannedWeeks: 8 } });
    expect(did).not.toHaveProperty('method');

    // The same 6-treated test sent as CSV with ?method=synthetic runs a synthetic control; a bad method is a 400.
    const asked = await offlineRollout(deps.db, ws);
    const bad = await put(asked.key, toCsv(sales.rows), 'text/csv', `?start=${sales.start}&method=geo`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('method');
    const csv = await put(asked.key, toCsv(sales.rows), 'text/csv', `?start=${sales.start}&method=synthetic`);
    expect(csv.status).toBe(200);
    expect(csv.body.split.method).toBe('synthetic');
    expect(await evaluateExperimentJob(deps.db, deps.queue, asked.id)).toMatchObject({ outcome: 'KEEP_RUNNING' });
    expect((await latest(asked.id)).analysis).toMatchObject({ method: 'synthetic', look: 2, plannedWeeks: 8 });
  });

  it('takes a chosen treatment and a holdout share with a CSV upload, as with JSON', async () => {
    const sales = factorSales(mulberry32(8), { locations: 12, preWeeks: 8, postWeeks: 2, treated: 0, lift: 0 });
    const stores = [...new Set(sales.rows.map((r) => r.location))].sort();
    const chosen = await offlineRollout(deps.db, ws);
    // A list as repeated parameters or comma-separated, as a store system sends it.
    const query = `?start=${sales.start}&treatment=${stores[0]},${stores[3]}&treatment=${stores[5]}`;
    const csv = await put(chosen.key, toCsv(sales.rows), 'text/csv', query);
    expect(csv.status).toBe(200);
    expect(csv.body.split.treatment).toEqual([stores[0], stores[3], stores[5]]);
    expect(csv.body.split).toMatchObject({ chosen: true });
    const unknown = await put(
      (await offlineRollout(deps.db, ws)).key,
      toCsv(sales.rows),
      'text/csv',
      `${query},nowhere`,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('treatment');

    const shared = await put(
      (await offlineRollout(deps.db, ws)).key,
      toCsv(sales.rows),
      'text/csv',
      `?start=${sales.start}&holdoutShare=0.75`,
    );
    expect(shared.status).toBe(200);
    expect(shared.body.split.holdout).toHaveLength(9);
    const bad = await put((await offlineRollout(deps.db, ws)).key, toCsv(sales.rows), 'text/csv', '?holdoutShare=2');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('holdoutShare');
  });
});
