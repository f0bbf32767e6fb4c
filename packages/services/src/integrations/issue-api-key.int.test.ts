import { randomUUID } from 'node:crypto';
import { createDb, findApiKey, listAudit } from '@uplift/db';
import { afterAll, describe, expect, it } from 'vitest';
import { issueApiKey } from './issue-api-key';

const db = createDb(process.env.DATABASE_URL, 2);
afterAll(() => db.$disconnect());

describe('issueApiKey', () => {
  it('issues a working key for the CLI and logs it as "uplift cli", with no person behind it', async () => {
    const workspace = await db.workspace.create({ data: { slug: `keys-${randomUUID().slice(0, 8)}`, name: 'Keys' } });
    const key = await issueApiKey(
      { db },
      { workspace, actor: { id: null, email: 'uplift cli' } },
      { name: 'ci', scopes: ['ingest', 'read', 'ingest'] },
    );
    expect(key.scopes).toEqual(['ingest', 'read']);
    expect((await findApiKey(db, key.token))?.workspaceId).toBe(workspace.id);
    const [entry] = await listAudit(db, workspace.id, { entityType: 'apiKey' });
    expect(entry).toMatchObject({ actorId: null, actorEmail: 'uplift cli', action: 'apiKey.create', entityId: key.id });
    expect(entry?.after).toEqual({ name: 'ci', prefix: key.prefix, scopes: ['ingest', 'read'] });
  });
});
