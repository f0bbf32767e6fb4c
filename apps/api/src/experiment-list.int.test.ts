import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

// Issue 14: the experiments list's filters (search, status, channel, owner), its order and the current lift.
const deps = testDeps('experiment-list');
let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'experiment-list');
  other = await createWorkspace(deps.db, 'experiment-list-other');
});
afterAll(async () => {
  await deps.close();
});

const owner = () => callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);

/** An experiment of an approved hypothesis by `author`, on `channel`, started or not. */
async function experiment(key: string, author: 'MARKETER' | 'PRODUCT_OWNER', start: boolean, title = key) {
  const h = await insertHypothesis(deps.db, ws, ws.users[author].id, { status: 'APPROVED', title });
  return owner().experiment.create({ ...sampleExperiment(h.id, key), name: `Name of ${key}`, start });
}

describe('experiment.list', () => {
  it('puts running experiments first and filters by search, status, channel and owner', async () => {
    await experiment('old-running', 'MARKETER', true, 'Cart reminder at one hour');
    await experiment('draft-one', 'PRODUCT_OWNER', false);
    await experiment('new-running', 'PRODUCT_OWNER', true);
    await experiment('draft-two', 'MARKETER', false);
    // Another workspace's experiment never shows.
    const foreign = await insertHypothesis(deps.db, other, other.users.MARKETER.id, { status: 'APPROVED' });
    await callerFor(deps, other.users.PRODUCT_OWNER, other.slug).experiment.create(sampleExperiment(foreign.id, 'x-1'));

    const keys = async (filter: Parameters<ReturnType<typeof owner>['experiment']['list']>[0]) =>
      (await owner().experiment.list(filter)).map((e) => e.key);
    expect(await keys({})).toEqual(['new-running', 'old-running', 'draft-two', 'draft-one']);
    // Search reads the name, the key and the hypothesis' title, ignoring case.
    expect(await keys({ search: 'CART REMINDER' })).toEqual(['old-running']);
    expect(await keys({ search: 'draft-' })).toEqual(['draft-two', 'draft-one']);
    // LIKE's wildcards are plain characters in a search.
    expect(await keys({ search: '_' })).toEqual([]);
    expect(await keys({ status: ['DRAFT'] })).toEqual(['draft-two', 'draft-one']);
    expect(await keys({ channel: ['BANNER'] })).toEqual([]);
    expect(await keys({ ownerId: ws.users.PRODUCT_OWNER.id })).toEqual(['new-running', 'draft-one']);
    const [first] = await owner().experiment.list({ ownerId: ws.users.MARKETER.id, status: ['RUNNING'] });
    expect(first).toMatchObject({ key: 'old-running', owner: { name: ws.users.MARKETER.name }, lift: null });
  });

  it('reads the current lift from the latest evaluation', async () => {
    const created = await experiment('with-lift', 'MARKETER', true);
    const analysis = {
      srm: { chiSquare: 0, pValue: 1, flagged: false },
      warnings: [],
      variants: [
        { key: 'control', users: 1000, mean: 0.1 },
        {
          key: 'promo',
          users: 1000,
          mean: 0.12,
          estimate: 0.2,
          se: 0.1,
          ci: [0.01, 0.39],
          significant: true,
          decision: 'win',
          pValue: 0.04,
        },
      ],
    };
    await deps.db.experimentSnapshot.create({
      data: {
        experimentId: created.id,
        dataVersion: 1,
        users: 2000,
        analysis,
        guardrails: [],
        outcome: 'KEEP_RUNNING',
        reason: 'test',
      },
    });
    const [row] = await owner().experiment.list({ search: 'with-lift' });
    expect(row?.lift).toEqual({ variant: 'promo', estimate: 0.2, ci: [0.01, 0.39], significant: true });
    expect(row?.users).toBe(2000);
  });

  it('names the field of a bad filter', async () => {
    await expect(owner().experiment.list({ channel: ['FAX' as never] })).rejects.toThrow(/channel/);
  });
});
