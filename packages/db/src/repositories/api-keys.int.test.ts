import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../client';
import { createApiKey, findApiKey, hashApiKey, revokeApiKey, touchApiKey } from './api-keys';

const db = createDb(process.env.DATABASE_URL, 3);
afterAll(() => db.$disconnect());

describe('findApiKey', () => {
  it("answers what Prisma's own query answers, field for field and type for type", async () => {
    // A workspace with every kind of column set: JSON, enum arrays, nullable numbers, floats, times with ms.
    const ws = await db.workspace.create({
      data: {
        slug: `keys-${randomUUID().slice(0, 8)}`,
        name: 'Keys "quoted" ∑',
        ladder: ['EMAIL', 'OFFLINE'],
        ladderPolicies: { OFFLINE: { alpha: 0.01 } },
        hiddenFunnelStages: ['RETENTION'],
        capacity: { EMAIL: { unitsPerWeek: 50_000, maxConcurrent: 3 } },
        currency: 'EUR',
        defaultSequential: 7,
        winChance: 0.975,
        rawEventRetentionDays: 30,
        createdAt: new Date('2026-11-30T23:59:59.123Z'),
      },
    });
    const key = await createApiKey(db, {
      workspaceId: ws.id,
      name: 'tool',
      scopes: ['ingest', 'read'],
      createdBy: null,
    });
    await touchApiKey(db, key.id);
    const prisma = () => db.apiKey.findUnique({ where: { hash: hashApiKey(key.token) }, include: { workspace: true } });
    const found = await findApiKey(db, key.token);
    expect(found?.lastUsedAt).toBeInstanceOf(Date);
    expect(found?.workspace.createdAt).toEqual(new Date('2026-11-30T23:59:59.123Z'));
    expect(found).toStrictEqual(await prisma());

    expect(await findApiKey(db, `${key.token}x`)).toBeNull();
    expect(await revokeApiKey(db, ws.id, key.id, new Date())).toBe(true);
    expect(await findApiKey(db, key.token)).toBeNull();
  });
});
