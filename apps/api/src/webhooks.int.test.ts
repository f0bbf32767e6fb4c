import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createWorkspace, type TestWorkspace, testDeps } from './testing/fixtures';

const deps = testDeps('webhooks');
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace(deps.db, 'hooks');
});
afterAll(() => deps.close());

const INTERNAL_TARGETS = [
  'http://127.0.0.1:6379',
  'http://[::1]:6379',
  'http://2130706433:6379',
  'https://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'https://[::ffff:a9fe:a9fe]/',
  'https://10.0.0.1/',
  'https://192.168.0.1/',
  'https://metadata.google.internal/computeMetadata/v1/',
  'https://localhost/hook',
];

describe('webhook.create', () => {
  it('refuses every internal target with a 400 naming url and saying why, storing nothing', async () => {
    const admin = callerFor(deps, ws.users.ADMIN, ws.slug);
    for (const url of INTERNAL_TARGETS) {
      await expect(admin.webhook.create({ url }), url).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^must point at a public host: .+ is (a|an|the) /),
        cause: { field: 'url' },
      });
    }
    expect(await admin.webhook.list()).toEqual([]);
  });

  it('accepts a public https target', async () => {
    const hook = await callerFor(deps, ws.users.ADMIN, ws.slug).webhook.create({ url: 'https://hooks.example.com/x' });
    expect(hook.url).toBe('https://hooks.example.com/x');
  });

  it('accepts a local receiver only when the server allows private targets', async () => {
    const local = { ...deps, allowPrivateWebhooks: true };
    const hook = await callerFor(local, ws.users.ADMIN, ws.slug).webhook.create({ url: 'http://127.0.0.1:4000/hook' });
    expect(hook.url).toBe('http://127.0.0.1:4000/hook');
    await expect(
      callerFor(local, ws.users.ADMIN, ws.slug).webhook.create({ url: 'https://169.254.169.254/' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('metadata') });
  });
});
