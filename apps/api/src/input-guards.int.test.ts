import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  sampleHypothesis,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('input-guards');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'input-guards');
});
afterAll(() => deps.close());

const owner = () => callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);

/** The field a refused input names (the api's zod error, as the form reads it). */
async function refusedField(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
    // `reachPerMonth: must be ≥ 0; …` (trpc.ts zodMessage): the fields it names.
    return [...new Set(error.message.split('; ').map((part) => part.split(':')[0]))].join(',');
  }
  throw new Error('accepted');
}

describe('out-of-range inputs are refused at their field, never changed', () => {
  it('hypotheses: negative reach and value, a lift of −100% or below', async () => {
    for (const [field, value] of [
      ['reachPerMonth', -5],
      ['valuePerConversion', -1],
      ['expectedLift', -1],
      ['cost', 0],
    ] as const) {
      expect(await refusedField(owner().hypothesis.create({ ...sampleHypothesis, [field]: value }))).toBe(field);
    }
    expect(await deps.db.hypothesis.count({ where: { workspaceId: ws.id } })).toBe(0);
    // A lift of 5000% is legal (the form asks the user to confirm it): stored as given.
    const bold = await owner().hypothesis.create({ ...sampleHypothesis, expectedLift: 50 });
    expect(bold.expectedLift).toBe(50);
  });

  it('experiments: planned users below 2 or negative, α beyond 0.5', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    for (const plannedUsers of [-3, 1]) {
      expect(await refusedField(owner().experiment.create({ ...sampleExperiment(h.id), plannedUsers }))).toBe(
        'plannedUsers',
      );
    }
    const alpha = { engine: 'frequentist' as const, sequential: null, alpha: 0.7 };
    expect(await refusedField(owner().experiment.create({ ...sampleExperiment(h.id), analysis: alpha }))).toBe(
      'analysis.alpha',
    );
    expect(await deps.db.experiment.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it('settings: a horizon of 0 is refused, not made 1; the rescore scope counts every hypothesis', async () => {
    expect(await refusedField(owner().workspace.updateSettings({ horizonMonths: 0 }))).toBe('horizonMonths');
    expect((await deps.db.workspace.findUniqueOrThrow({ where: { id: ws.id } })).horizonMonths).toBe(12);
    const count = await deps.db.hypothesis.count({ where: { workspaceId: ws.id } });
    expect(count).toBeGreaterThan(0);
    expect(await owner().workspace.rescoreScope()).toEqual({ hypotheses: count });
  });
});
