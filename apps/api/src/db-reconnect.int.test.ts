// "Ingestion after $disconnect throws": the event batch path writes through the pg pool under the Prisma client
// (packages/db pg-transaction.ts), and `$disconnect` ends that pool. Prisma itself connects again on its next
// query; the batch path must too, on the same client, or say plainly why it cannot.
import { type Db, openPool } from '@uplift/db';
import { ingestBatch } from '@uplift/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binomialEvents } from './testing/binomial-events';
import { createWorkspace, type TestWorkspace, testDeps } from './testing/fixtures';
import { keptFigures, runningExperiment } from './testing/ingestion-figures';

const deps = testDeps('db-reconnect');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'reconnect');
});
afterAll(() => deps.close());

describe('a database client after $disconnect', () => {
  it('ingests a batch again, through a new pool, as Prisma queries do', async () => {
    const e = await runningExperiment(deps, ws);
    const events = binomialEvents(e.key, { control: 3, promo: 5 }, 10);
    const control = events.filter((x) => x.unit.startsWith('control-'));
    expect(await ingestBatch(deps, ws.id, { events: control as never })).toMatchObject({ accepted: 13 });
    const before = await openPool(deps.db);

    await deps.db.$disconnect();
    expect(before.ended || before.ending).toBe(true);
    // The whole set: the control's events again (duplicates) and the treatment's, which are new.
    expect(await ingestBatch(deps, ws.id, { events: events as never })).toEqual({
      accepted: 15,
      duplicates: 13,
      unattributed: 0,
    });
    expect(await openPool(deps.db)).not.toBe(before);
    expect((await keptFigures(deps.db, e.id)).rows).toEqual([
      'control/:10/0/0',
      'control/purchase:3/3/3',
      'promo/:10/0/0',
      'promo/purchase:5/5/5',
    ]);

    // Twice in a row, and with no Prisma query in between: the batch path reconnects by itself.
    await deps.db.$disconnect();
    await deps.db.$disconnect();
    expect(await ingestBatch(deps, ws.id, { events: events as never })).toMatchObject({
      accepted: 0,
      duplicates: events.length,
    });
  });

  it('refuses, in words, a client that has no pool of its own', async () => {
    await expect(openPool({} as Db)).rejects.toThrow('this database client has no pg pool of its own');
  });
});
