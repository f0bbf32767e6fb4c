import type { Logger } from '@uplift/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from './context';
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

// Issue 10 point 12: data imports leave an audit row; refused privileged calls leave a log line.
const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
const capture: Logger = {
  info: (message, fields) => lines.push({ level: 'info', message, fields }),
  warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
  error: (message, fields) => lines.push({ level: 'error', message, fields }),
};
const base = testDeps('audit-imports');
const deps: Deps & { close: () => Promise<void> } = { ...base, log: capture };
const api = await serveApi(deps);
const url = api.base;
let ws: TestWorkspace;
let key: string;
let readOnly: string;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'audit-imp');
  key = await apiKeyFor(deps.db, ws, ['ingest', 'read', 'write']);
  readOnly = await apiKeyFor(deps.db, ws, ['read']);
});
afterAll(async () => {
  await api.close();
  await deps.close();
});

const put = (path: string, body: unknown, token = key) =>
  fetch(`${url}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function running(channel: 'EMAIL' | 'OFFLINE' = 'EMAIL') {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
  const e = await owner.experiment.create({ ...sampleExperiment(h.id), start: true });
  if (channel === 'OFFLINE') await deps.db.experiment.update({ where: { id: e.id }, data: { channel } });
  return e;
}

const auditOf = (experimentId: string, action: string) =>
  deps.db.auditEvent.findMany({ where: { workspaceId: ws.id, entityId: experimentId, action } });

const report = {
  variants: [
    { key: 'control', users: 1000, conversions: 120 },
    { key: 'promo', users: 1000, conversions: 150 },
  ],
};

describe('audit of data imports', () => {
  it('a report imported through REST names the key, the metric and the counts', async () => {
    const e = await running();
    expect((await put(`/v1/experiments/${e.key}/report`, report)).status).toBe(200);
    const [row, ...more] = await auditOf(e.id, 'experiment.report');
    expect(more).toEqual([]);
    expect(row?.actorId).toMatch(/^apikey:/);
    expect(row?.actorEmail).toMatch(/^api key /);
    expect(row?.after).toMatchObject({ source: 'api', metric: 'purchase', variants: 2, users: 2000, conversions: 270 });
  });

  it('a report imported in the UI names the person', async () => {
    const e = await running();
    await callerFor(deps, ws.users.MARKETER, ws.slug).experiment.importReport({ key: e.key, report });
    const [row] = await auditOf(e.id, 'experiment.report');
    expect(row).toMatchObject({ actorId: ws.users.MARKETER.id, actorEmail: ws.users.MARKETER.email });
    expect(row?.after).toMatchObject({ source: 'csv', variants: 2, users: 2000 });
  });

  it('a location upload (REST or UI) names who sent it and how many rows, locations and weeks', async () => {
    const e = await running('OFFLINE');
    const rows = ['a', 'b', 'c', 'd'].flatMap((location) =>
      ['2026-09-14', '2026-09-21'].map((week) => ({ location, week, sales: 100 })),
    );
    expect((await put(`/v1/experiments/${e.key}/locations`, { rows })).status).toBe(200);
    const csv = ['store,week,sales', 'a,2026-09-28,100', 'b,2026-09-28,120'].join('\n');
    await callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug).experiment.uploadLocations({ key: e.key, csv });
    const trail = await auditOf(e.id, 'experiment.locations');
    expect(trail.map((r) => [r.actorEmail?.startsWith('api key '), r.after])).toEqual(
      expect.arrayContaining([
        [true, expect.objectContaining({ rows: 8, locations: 4, weeks: 2 })],
        [false, expect.objectContaining({ rows: 2, locations: 2, weeks: 1 })],
      ]),
    );
  });

  it('a refused import writes no audit row', async () => {
    const e = await running();
    expect((await put(`/v1/experiments/${e.key}/report`, report, readOnly)).status).toBe(403);
    expect(await auditOf(e.id, 'experiment.report')).toEqual([]);
  });
});

describe('refused privileged calls are logged', () => {
  it('tRPC: who, in which workspace, which action', async () => {
    lines.length = 0;
    const analyst = callerFor(deps, ws.users.ANALYST, ws.slug);
    await expect(analyst.workspace.updateSettings({ horizonMonths: 6 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(lines).toContainEqual({
      level: 'warn',
      message: 'permission refused',
      fields: expect.objectContaining({
        userId: ws.users.ANALYST.id,
        workspace: ws.slug,
        action: 'workspace.settings',
        role: 'ANALYST',
      }),
    });
  });

  it('tRPC: a caller who is not a member of the workspace named', async () => {
    lines.length = 0;
    const other = await createWorkspace(deps.db, 'audit-other');
    const outsider = callerFor(deps, other.users.ADMIN, ws.slug);
    await expect(outsider.member.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(lines).toContainEqual({
      level: 'warn',
      message: 'permission refused',
      fields: expect.objectContaining({ userId: other.users.ADMIN.id, workspace: ws.slug, action: 'member.read' }),
    });
  });

  it('REST: the key, its workspace and the scope it lacked', async () => {
    lines.length = 0;
    const e = await running();
    expect((await put(`/v1/experiments/${e.key}/report`, report, readOnly)).status).toBe(403);
    expect(lines).toContainEqual({
      level: 'warn',
      message: 'api key scope refused',
      fields: expect.objectContaining({ workspaceId: ws.id, required: ['ingest'], scopes: ['read'] }),
    });
    expect(lines.find((l) => l.message === 'api key scope refused')?.fields?.keyId).toEqual(expect.any(String));
  });
});
