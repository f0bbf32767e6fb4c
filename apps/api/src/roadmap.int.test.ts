import { saveSnapshot } from '@uplift/db';
import { scheduleRoadmap } from '@uplift/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createWorkspace,
  insertHypothesis,
  sampleExperiment,
  type TestWorkspace,
  testDeps,
} from './testing/fixtures';

const deps = testDeps('roadmap');
let ws: TestWorkspace;
const as = (role: keyof TestWorkspace['users']) => callerFor(deps, ws.users[role], ws.slug);

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'roadmap');
  await as('PRODUCT_OWNER').workspace.updateSettings({
    capacity: { EMAIL: { unitsPerWeek: 20_000, maxConcurrent: 2 } },
  });
});
afterAll(() => deps.close());

describe('roadmap.input: what the roadmap page schedules', () => {
  it('an idea enters when a product owner approves it, with its ROI fields and title', async () => {
    const submitted = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'SUBMITTED' });
    const before = await as('ANALYST').roadmap.input();
    expect(before.input.hypotheses.map((h) => h.id)).not.toContain(submitted.id);
    expect(before.input.channels).toEqual({ EMAIL: { unitsPerWeek: 20_000, maxConcurrent: 2 } });

    await as('PRODUCT_OWNER').hypothesis.approve({ id: submitted.id, reason: 'Worth a test' });
    const after = await as('ANALYST').roadmap.input();
    expect(after.input.hypotheses).toContainEqual(
      expect.objectContaining({ id: submitted.id, channel: 'EMAIL', baselineRate: 0.05, roi: submitted.roi }),
    );
    expect(after.labels[submitted.id]).toMatchObject({ kind: 'idea', title: submitted.title });
    expect(scheduleRoadmap(after.input).scheduled.map((s) => s.id)).toContain(submitted.id);
  });

  it('a running experiment holds its slot with the units it still needs; a draft brings its planned users', async () => {
    const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
    const draft = await as('MARKETER').experiment.create(sampleExperiment(h.id, 'roadmap-draft'));
    let input = (await as('ANALYST').roadmap.input()).input;
    // The idea is planned once, as its draft experiment.
    expect(input.hypotheses.map((x) => x.id)).not.toContain(h.id);
    expect(input.hypotheses).toContainEqual(
      expect.objectContaining({ id: draft.id, plannedUsers: draft.plannedUsers }),
    );

    await as('PRODUCT_OWNER').experiment.start({ key: draft.key });
    await saveSnapshot(deps.db, {
      experimentId: draft.id,
      dataVersion: 1,
      users: 1_000,
      analysis: {},
      guardrails: [],
      segments: null,
      outcome: 'KEEP_RUNNING',
      reason: 'Collecting data.',
      winner: null,
    });
    const out = await as('ANALYST').roadmap.input();
    input = out.input;
    expect(input.hypotheses.map((x) => x.id)).not.toContain(draft.id);
    expect(input.running).toEqual([
      { id: draft.id, title: draft.name, channel: 'EMAIL', remainingUnits: draft.plannedUsers - 1_000 },
    ]);
    expect(out.labels[draft.id]).toMatchObject({ kind: 'running', key: 'roadmap-draft' });
    expect(scheduleRoadmap(input).running[0]).toMatchObject({
      id: draft.id,
      requiredUnits: draft.plannedUsers - 1_000,
    });
  });
});
