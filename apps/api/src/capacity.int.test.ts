import { findMembership } from '@uplift/db';
import { updateWorkspaceSettings } from '@uplift/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createWorkspace, type TestWorkspace, testDeps } from './testing/fixtures';

const deps = testDeps('capacity');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'capacity');
});
afterAll(() => deps.close());

describe('channel capacity in workspace settings', () => {
  it('a product owner sets it per channel; it reads back, merges with what was set and is audited', async () => {
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    expect(await owner.workspace.get()).toMatchObject({ capacity: {}, maxTestWeeks: 12 });
    await owner.workspace.updateSettings({
      capacity: { EMAIL: { unitsPerWeek: 6000, maxConcurrent: 2 }, BANNER: { unitsPerWeek: 500, maxConcurrent: 1 } },
    });
    await owner.workspace.updateSettings({
      capacity: { BANNER: null, OFFLINE: { unitsPerWeek: 6, maxConcurrent: 1 } },
      maxTestWeeks: 16,
    });
    expect(await owner.workspace.get()).toMatchObject({
      capacity: { EMAIL: { unitsPerWeek: 6000, maxConcurrent: 2 }, OFFLINE: { unitsPerWeek: 6, maxConcurrent: 1 } },
      maxTestWeeks: 16,
    });
    expect((await owner.workspace.get()).capacity).not.toHaveProperty('BANNER');
    const [event] = await owner.audit.list({ entityType: 'workspace' });
    expect(event).toMatchObject({
      action: 'workspace.settings',
      before: {
        capacity: { EMAIL: { unitsPerWeek: 6000, maxConcurrent: 2 }, BANNER: { unitsPerWeek: 500, maxConcurrent: 1 } },
        maxTestWeeks: 12,
      },
      after: {
        capacity: { EMAIL: { unitsPerWeek: 6000, maxConcurrent: 2 }, OFFLINE: { unitsPerWeek: 6, maxConcurrent: 1 } },
        maxTestWeeks: 16,
      },
    });
  });

  it('an admin may change it; a marketer may not, and nothing changes', async () => {
    await callerFor(deps, ws.users.ADMIN, ws.slug).workspace.updateSettings({
      capacity: { EMAIL: { unitsPerWeek: 8000, maxConcurrent: 4 } },
    });
    const marketer = callerFor(deps, ws.users.MARKETER, ws.slug);
    await expect(
      marketer.workspace.updateSettings({ capacity: { EMAIL: { unitsPerWeek: 1, maxConcurrent: 1 } } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await marketer.workspace.get()).capacity.EMAIL).toEqual({ unitsPerWeek: 8000, maxConcurrent: 4 });
  });

  it('merges a save into the row as saved meanwhile, not as the request read it when it began', async () => {
    // Two people on the settings page: the second save read the workspace before the first one wrote.
    const owner = ws.users.PRODUCT_OWNER;
    const read = await findMembership(deps.db, owner.id, ws.slug);
    if (!read) throw new Error('the owner is a member');
    await callerFor(deps, ws.users.ADMIN, ws.slug).workspace.updateSettings({
      capacity: { BANNER: { unitsPerWeek: 700, maxConcurrent: 1 } },
      maxTestWeeks: 10,
    });
    const actor = { id: owner.id, email: owner.email };
    await updateWorkspaceSettings(
      deps,
      { workspace: read.workspace, actor },
      {
        capacity: { OFFLINE: { unitsPerWeek: 4, maxConcurrent: 1 } },
      },
    );
    expect((await callerFor(deps, owner, ws.slug).workspace.get()).capacity).toEqual({
      EMAIL: { unitsPerWeek: 8000, maxConcurrent: 4 },
      BANNER: { unitsPerWeek: 700, maxConcurrent: 1 },
      OFFLINE: { unitsPerWeek: 4, maxConcurrent: 1 },
    });
    // The audit's "before" is the row the save changed.
    const [event] = await callerFor(deps, owner, ws.slug).audit.list({ entityType: 'workspace' });
    expect(event?.before).toEqual({
      capacity: {
        EMAIL: { unitsPerWeek: 8000, maxConcurrent: 4 },
        BANNER: { unitsPerWeek: 700, maxConcurrent: 1 },
        OFFLINE: { unitsPerWeek: 6, maxConcurrent: 1 },
      },
    });
  });

  it('refuses a capacity that is not positive, naming the field', async () => {
    const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
    const refusal = await owner.workspace
      .updateSettings({ capacity: { EMAIL: { unitsPerWeek: -1, maxConcurrent: 2 } } })
      .catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST' });
    expect(String((refusal as Error).message)).toContain('capacity.EMAIL.unitsPerWeek');
    expect((await owner.workspace.get()).capacity.EMAIL).toEqual({ unitsPerWeek: 8000, maxConcurrent: 4 });
  });
});
