import { countRawEvents } from '@uplift/db';
import { mulberry32 } from '@uplift/domain';
import { ingestBatch } from '@uplift/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type TestWorkspace, testDeps } from './testing/fixtures';
import { figuresFromScratch, keptFigures, runningExperiment } from './testing/ingestion-figures';

// Issue 15: batches of one experiment no longer wait for each other's whole transaction (ingestion.ts), so
// these send overlapping batches of ONE experiment side by side and compare with the stored rows.
const deps = testDeps('ingestion-concurrency');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'concurrency');
});
afterAll(() => deps.close());

type Event = Record<string, unknown>;
const ingest = (events: Event[]) => ingestBatch(deps, ws.id, { events: events as never });
const running = (channel?: 'EMAIL' | 'BANNER') => runningExperiment(deps, ws, channel);
const kept = (experimentId: string) => keptFigures(deps.db, experimentId);
const stored = async (experimentId: string) => ({
  events: await countRawEvents(deps.db, experimentId),
  units: await deps.db.experimentUnit.count({ where: { experimentId } }),
  values: await deps.db.unitMetric.count({ where: { experimentId } }),
});

/** 120 units, each exposed (declared variant) with 0–2 conversions, binomial and mean, in halves (exact sums). */
function eventSet(experiment: string, rnd: () => number) {
  const events: Event[] = [];
  for (let u = 0; u < 120; u++) {
    const unit = `u${u}`;
    events.push({ id: `x-${u}`, experiment, unit, type: 'exposure', variant: u % 2 ? 'promo' : 'control' });
    for (let c = 0; c < Math.floor(rnd() * 3); c++) {
      const mean = rnd() < 0.5 ? { metric: 'revenue', value: Math.floor(rnd() * 100) / 2 } : {};
      events.push({ id: `c-${u}-${c}`, experiment, unit, type: 'conversion', ...mean });
    }
  }
  return events;
}

/**
 * Sends 8 random halves of `all`, each in its own order, and `all` itself, all at once (every event is in several
 * batches): together they accept each event once. Answers the batches, to replay them.
 */
async function sentAtOnce(all: Event[], rnd: () => number, trial: number | string) {
  const batches = Array.from({ length: 8 }, () => all.filter(() => rnd() < 0.5).sort(() => rnd() - 0.5));
  batches.push(all);
  const first = await Promise.all(batches.map(ingest));
  expect(
    first.reduce((n, r) => n + r.accepted, 0),
    `trial ${trial}`,
  ).toBe(all.length);
  return batches;
}

describe('ingestion: batches of one experiment side by side', () => {
  it('overlapping batches sent at once, then replayed at once, count every event, unit and conversion once', async () => {
    const rnd = mulberry32(15);
    for (let trial = 0; trial < 3; trial++) {
      const e = await running();
      const all = eventSet(e.key, rnd);
      const batches = await sentAtOnce(all, rnd, trial);
      const again = await Promise.all(batches.map(ingest));
      expect(again.reduce((n, r) => n + r.accepted, 0)).toBe(0);
      const figures = await kept(e.id);
      expect(figures).toEqual(await figuresFromScratch(deps.db, e.id, e.startedAt));
      expect(figures.rows.filter((r) => r.includes('/:')).join(' ')).toBe('control/:60/0/0 promo/:60/0/0');
      expect((await stored(e.id)).events).toBe(all.length);
    }
  });

  it("batches that skip stored units, side by side, store each new unit's first exposure once", async () => {
    // Once a batch re-exposed a unit, this process's batches of the experiment skip stored units from the start.
    // An email experiment stores a new unit's first exposure on its unit row; a banner, as an event row. Exposures
    // only: no batch takes the experiment's lock exclusively, so overlapping batches insert the same new units at
    // the same time.
    const rnd = mulberry32(21);
    for (const channel of ['EMAIL', 'BANNER', 'EMAIL', 'BANNER'] as const) {
      const e = await running(channel);
      const seen = (id: string) => ({ id, experiment: e.key, unit: 'seen', type: 'exposure', variant: 'promo' });
      await ingest([seen('seen-1')]);
      expect(await ingest([seen('seen-2')])).toMatchObject({ accepted: 1 }); // a re-exposure: a raw row of its own
      const all: Event[] = Array.from({ length: 200 }, (_, u) => ({
        id: `x-${u}`,
        experiment: e.key,
        unit: `u${u}`,
        type: 'exposure',
        variant: u % 2 ? 'promo' : 'control',
      }));
      const batches = await sentAtOnce(all, rnd, channel);
      expect(await stored(e.id)).toMatchObject({ events: all.length + 2, units: all.length + 1 });
      const rows = await deps.db.experimentEvent.count({ where: { experimentId: e.id } });
      expect(rows).toBe(channel === 'EMAIL' ? 1 : all.length + 2); // email: the re-exposure alone
      const again = await Promise.all(batches.map(ingest));
      expect(again.reduce((n, r) => n + r.accepted, 0)).toBe(0);
      expect((await kept(e.id)).rows.filter((r) => r.includes('/:')).join(' ')).toBe('control/:100/0/0 promo/:101/0/0');
    }
  });

  it("an exposure and its unit's conversion in batches running side by side: the conversion counts", async () => {
    const e = await running();
    const batches: Event[][] = [];
    for (let u = 0; u < 40; u++) {
      const unit = `u${u}`;
      batches.push([{ id: `x-${u}`, experiment: e.key, unit, type: 'exposure', variant: 'promo' }]);
      batches.push([{ id: `c-${u}`, experiment: e.key, unit, type: 'conversion' }]);
    }
    await Promise.all(batches.map(ingest));
    expect(await kept(e.id)).toEqual({ rows: ['promo/:40/0/0', 'promo/purchase:40/40/40'], unattributed: 0 });
  });

  it('a batch that fails part-way leaves nothing, and counts whole when sent again', async () => {
    const e = await running();
    const batch = eventSet(e.key, mulberry32(3));
    const version = async () => (await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } })).dataVersion;
    const before = await version();
    // The batch's last statement (the aggregates) fails for this experiment only: everything before it is undone.
    await deps.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fail_ingestion() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'aggregates refused by the test'; END $$ LANGUAGE plpgsql`);
    await deps.db.$executeRawUnsafe(`CREATE TRIGGER fail_ingestion BEFORE INSERT OR UPDATE ON "ExperimentAggregate"
      FOR EACH ROW WHEN (NEW."experimentId" = '${e.id}') EXECUTE FUNCTION fail_ingestion()`);
    try {
      await expect(ingest(batch)).rejects.toThrow(/aggregates refused/);
    } finally {
      await deps.db.$executeRawUnsafe(`DROP TRIGGER fail_ingestion ON "ExperimentAggregate"`);
    }
    expect(await stored(e.id)).toEqual({ events: 0, units: 0, values: 0 });
    expect(await version()).toBe(before);
    expect(await ingest(batch)).toMatchObject({ accepted: batch.length, duplicates: 0 });
    expect(await kept(e.id)).toEqual(await figuresFromScratch(deps.db, e.id, e.startedAt));
    expect(await version()).toBe(before + 1);
  });
});
