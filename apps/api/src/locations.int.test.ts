import { evaluateExperimentJob } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyFor, createWorkspace, serveApi, type TestWorkspace, testDeps } from './testing/fixtures';
import { offlineRollout as createRollout } from './testing/offline-rollout';

const deps = testDeps('locations');
const api = await serveApi(deps);
const base = api.base;
let ws: TestWorkspace;
let key: string;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'loc');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read']);
});
afterAll(async () => {
  await api.close();
  await deps.close();
});

const offlineRollout = () => createRollout(deps.db, ws);

const weeks = ['2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19'];
/** 20 stores with sales 1,000–5,750 a week; treated stores (known only after the split) sell `lift` more after start. */
function csv(treated: Set<string> | null, lift: number) {
  const lines = ['store,week,sales'];
  for (let s = 0; s < 20; s++) {
    const id = `store-${s}`;
    for (const [w, week] of weeks.entries()) {
      const base = 1000 + s * 250 + ((s * 7 + w * 13) % 11) * 10;
      const after = week >= '2026-10-05' && treated?.has(id) ? 1 + lift : 1;
      lines.push(`${id},${week},${(base * after).toFixed(2)}`);
    }
  }
  return lines.join('\n');
}

const put = (k: string, body: string, type = 'text/csv') =>
  fetch(`${base}/v1/experiments/${k}/locations`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': type },
    body,
  });

describe('offline location tests', () => {
  it('proposes a balanced stratified split from the pre-period, then decides from weekly sales', async () => {
    const e = await offlineRollout();
    const pre = csv(null, 0)
      .split('\n')
      .filter((l, i) => i === 0 || (l.split(',')[1] as string) < '2026-10-05')
      .join('\n');
    const first = await put(e.key, pre);
    expect(first.status).toBe(200);
    const { split } = (await first.json()) as {
      split: { treatment: string[]; holdout: string[]; balance: { standardizedDifference: number } };
    };
    expect(split.treatment).toHaveLength(10);
    expect(split.holdout).toHaveLength(10);
    expect(Math.abs(split.balance.standardizedDifference)).toBeLessThan(0.2);
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'NO_DATA' });

    // The full history with a +8% effect in the treated stores: the split stays as proposed.
    const again = await put(e.key, csv(new Set(split.treatment), 0.08));
    expect(((await again.json()) as { split: unknown }).split).toEqual(split);
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'WIN' });
    const snapshot = await deps.db.experimentSnapshot.findFirstOrThrow({
      where: { experimentId: e.id },
      orderBy: { dataVersion: 'desc' },
    });
    expect(snapshot.analysis).toMatchObject({
      significant: true,
      treatment: { locations: 10 },
      holdout: { locations: 10 },
    });
    expect((snapshot.analysis as { relative: number }).relative).toBeCloseTo(0.08, 1);
    // The top rung won: the offer is rolled out.
    expect((await deps.db.offer.findFirstOrThrow({ where: { experiments: { some: { id: e.id } } } })).state).toBe(
      'ROLLED_OUT',
    );
  });

  it("decides only when a new week arrives, against that week's group-sequential boundary", async () => {
    const e = await offlineRollout();
    const rowsUpTo = (last: string, treated: Set<string>, lift: number) =>
      csv(treated, lift)
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .filter(([, week]) => (week as string) <= last)
        .map(([location, week, sales]) => ({ location, week, sales: Number(sales) }));
    const json = (body: object) => put(e.key, JSON.stringify(body), 'application/json');
    // Week 1 of 3 planned, no effect yet: the test runs on.
    const first = await json({ rows: rowsUpTo('2026-10-05', new Set(), 0), start: '2026-10-05', plannedWeeks: 3 });
    const { split } = (await first.json()) as { split: { treatment: string[]; plannedWeeks: number } };
    expect(split.plannedWeeks).toBe(3);
    const treated = new Set(split.treatment);
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'KEEP_RUNNING' });
    // Week 1 corrected to a +20% effect that crosses its boundary whichever stores the random split treats (at +8%
    // a split of mostly small stores stayed under the first look's high boundary): no new week, so no decision.
    await json({ rows: rowsUpTo('2026-10-05', treated, 0.2) });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'KEEP_RUNNING' });
    const latest = () =>
      deps.db.experimentSnapshot.findFirstOrThrow({ where: { experimentId: e.id }, orderBy: { dataVersion: 'desc' } });
    const held = await latest();
    expect(held.reason).toContain('No new week since week 1');
    expect(held.analysis).toMatchObject({ sequential: { look: 1, plannedWeeks: 3, crossed: true } });
    // Week 2 arrives: a new look, held to its own boundary, and the effect is called.
    await json({ rows: rowsUpTo('2026-10-12', treated, 0.2) });
    expect(await evaluateExperimentJob(deps.db, deps.queue, e.id)).toMatchObject({ outcome: 'WIN' });
    const won = await latest();
    expect(won.analysis).toMatchObject({ sequential: { look: 2, plannedWeeks: 3, crossed: true } });
    const { boundary } = (won.analysis as { sequential: { boundary: number } }).sequential;
    expect(boundary).toBeCloseTo(2.5114, 3); // O'Brien–Fleming-type, 3 looks at α = 0.05, look 2
  });

  it('takes JSON rows too, and names the bad lines of a CSV', async () => {
    const e = await offlineRollout();
    const bad = await put(e.key, 'store,week,sales\nstore-1,2026-09-14,abc\nstore-2,not-a-date,10');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string };
    expect(body.error).toContain('line 2');
    expect(body.error).toContain('line 3');
    const few = await put(
      e.key,
      JSON.stringify({ rows: [{ location: 'a', week: '2026-09-14', sales: 1 }] }),
      'application/json',
    );
    expect(few.status).toBe(400);
    expect(((await few.json()) as { error: string }).error).toContain('at least 4 locations');
    expect(await deps.db.locationSales.count({ where: { experimentId: e.id } })).toBe(0);
  });
});
