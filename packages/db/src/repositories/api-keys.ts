import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyScope } from '@uplift/domain';
import type { Db, Tx } from '../client';
import type { ApiKey, Workspace } from '../generated/prisma/client';
import { sqlFor } from '../pg-transaction';

// The scope list is the domain's; re-exported so callers that take `ApiKeyScope` from here keep compiling.
export { API_KEY_SCOPES, type ApiKeyScope } from '@uplift/domain';

/**
 * A key is 32 random bytes; only its SHA-256 is stored. A slow password hash (argon2, bcrypt) guards
 * low-entropy secrets against guessing; a 256-bit random token cannot be guessed, and a fast hash keeps the
 * per-request lookup an index probe (the scheme GitHub and Stripe tokens use).
 */
export const hashApiKey = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createApiKey(
  db: Tx,
  input: { workspaceId: string; name: string; scopes: ApiKeyScope[]; createdBy: string | null },
) {
  const token = `upl_${randomBytes(32).toString('base64url')}`;
  const row = await db.apiKey.create({
    data: {
      workspaceId: input.workspaceId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      prefix: token.slice(0, 12),
      hash: hashApiKey(token),
      createdBy: input.createdBy,
    },
  });
  return { ...row, token };
}

type Row<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A row of a `timestamp(3)` column as `row_to_json` gives it ("2026-12-03T10:00:00.123", UTC as Prisma writes it). */
const utc = (text: string) => new Date(`${text}Z`);
const utcOrNull = (text: string | null) => (text === null ? null : utc(text));

/**
 * The live key behind a token, with its workspace; null for an unknown or revoked token. Every REST request asks
 * this, so it is one query through `db`'s own pool (pg-transaction.ts `sqlFor`): through Prisma it was two queries
 * (the key, then its workspace) and about 1 ms of the api's CPU, against 0.1–0.15 ms (issue 15). The rows come as
 * JSON, their timestamps turned back into Dates here; api-keys.int.test.ts holds the answer equal to Prisma's.
 */
export async function findApiKey(db: Db, token: string): Promise<(ApiKey & { workspace: Workspace }) | null> {
  const [row] = await sqlFor(db).$queryRaw<{ key: Row<ApiKey>; workspace: Row<Workspace> }[]>`
    SELECT row_to_json(k.*) AS key, row_to_json(w.*) AS workspace
    FROM "ApiKey" k JOIN "Workspace" w ON w.id = k."workspaceId"
    WHERE k.hash = ${hashApiKey(token)}`;
  if (!row || row.key.revokedAt !== null) return null;
  const { key, workspace } = row;
  return {
    ...key,
    createdAt: utc(key.createdAt),
    lastUsedAt: utcOrNull(key.lastUsedAt),
    revokedAt: null,
    workspace: { ...workspace, createdAt: utc(workspace.createdAt), updatedAt: utc(workspace.updatedAt) },
  };
}

export function listApiKeys(db: Tx, workspaceId: string) {
  return db.apiKey.findMany({
    where: { workspaceId },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: 'desc' },
  });
}

/** Revokes a live key; false when the workspace has no live key with that id. */
export async function revokeApiKey(db: Tx, workspaceId: string, id: string, at: Date): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { id, workspaceId, revokedAt: null },
    data: { revokedAt: at },
  });
  return count > 0;
}

/** When this process last marked each key as used (ms): within a minute, a request skips the round trip. */
const touched = new Map<string, number>();

/**
 * Marks use at most once a minute per key, so a busy ingestion client does not write on every request: the
 * statement's condition holds across processes, and this process does not even ask again within the minute.
 */
export async function touchApiKey(db: Tx, id: string, nowMs = Date.now()): Promise<number> {
  if (nowMs - (touched.get(id) ?? Number.NEGATIVE_INFINITY) < 60_000) return 0;
  touched.set(id, nowMs);
  if (touched.size > 10_000) touched.clear(); // bounded: forgetting only costs a round trip
  return db.$executeRaw`UPDATE "ApiKey" SET "lastUsedAt" = now()
    WHERE id = ${id} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`;
}
