// Issue 15: which run applies a data version is decided where the data lives, by the snapshot's key (experiment,
// data version), not by a Redis claim that a second queue prefix, a flush or an expiry can miss.
import { createQueue } from '@uplift/jobs';
import { createServiceDeps, evaluateExperiment, ingestBatch } from '@uplift/services';
import { evaluateExperimentJob } from '@uplift/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binomialEvents } from './testing/binomial-events';
import { createWorkspace, type TestWorkspace, testDeps } from './testing/fixtures';
import { runningExperiment } from './testing/ingestion-figures';

const deps = testDeps('evaluation-once');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'once');
});
afterAll(() => deps.close());

describe('one run applies a data version', () => {
  it('a run that finds its version stored by another, under another claim, applies nothing and says so', async () => {
    const e = await runningExperiment(deps, ws);
    await ingestBatch(deps, ws.id, { events: binomialEvents(e.key, { control: 40, promo: 50 }, 400) as never });
    // The first run reads the data, then waits; the second, through another queue prefix (so another claim key),
    // evaluates the same version meanwhile and stores it.
    let reached!: () => void;
    let resume!: () => void;
    const atRead = new Promise<void>((r) => {
      reached = r;
    });
    const held = new Promise<void>((r) => {
      resume = r;
    });
    const hooks = {
      afterRead: () => {
        reached();
        return held;
      },
    };
    const first = evaluateExperiment({ ...createServiceDeps({ db: deps.db, queue: deps.queue }), hooks }, e.id);
    await atRead;
    const elsewhere = createQueue(deps.redis, `${deps.queuePrefix}-elsewhere`);
    const second = await evaluateExperimentJob(deps.db, elsewhere, e.id);
    await elsewhere.close();
    expect(second).toMatchObject({ dataVersion: 1, outcome: 'KEEP_RUNNING', stored: true });
    resume();
    expect(await first).toEqual({ skipped: 'evaluated by another run' });

    expect(await deps.db.experimentSnapshot.count({ where: { experimentId: e.id } })).toBe(1);
    const after = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
    expect(after).toMatchObject({ dataVersion: 1, evaluatedVersion: 1, lastEvaluationError: null });
  });
});
