import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createDb, createPasswordUser } from '@uplift/db';
import { createQueue, createRedis, heartbeatKey } from '@uplift/jobs';
import { consoleLogger } from '@uplift/services';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from './server';
import { createWorkspace, testAuth, testDeps } from './testing/fixtures';

const deps = testDeps('server');
const auth = await testAuth(deps.db);
const server = createApiServer(deps, auth);
let base: string;
const email = `signin-${Date.now()}@test.local`;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ws = await createWorkspace(deps.db, 'http');
  const user = await createPasswordUser(
    deps.db,
    { hashPassword },
    { email, name: 'Signin', password: 'correct-horse-1' },
  );
  await deps.db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: 'MARKETER' } });
});
afterAll(async () => {
  server.close();
  await deps.close();
});

const signIn = (password: string) =>
  fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: JSON.stringify({ email, password }),
  });

describe('sign-in over HTTP', () => {
  it('refuses a wrong password', async () => {
    expect((await signIn('wrong-password')).status).toBe(401);
  });

  it('sets an HTTP-only session cookie that authenticates tRPC calls', async () => {
    const res = await signIn('correct-horse-1');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0] as string;
    const me = await fetch(`${base}/trpc/me.get`, { headers: { cookie: session } });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain(email);
    expect((await fetch(`${base}/trpc/me.get`)).status).toBe(401);
  });

  it('does not let anyone sign up', async () => {
    const res = await fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body: JSON.stringify({ email: 'intruder@test.local', password: 'whatever-123', name: 'X' }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await deps.db.user.findUnique({ where: { email: 'intruder@test.local' } })).toBeNull();
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 once the per-minute sign-in budget is spent, saying in how many seconds to try again', async () => {
    const answers: Response[] = [];
    for (let i = 0; i < 8; i++) answers.push(await signIn('wrong-password'));
    const statuses = answers.map((a) => a.status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(5);
    const limited = answers[statuses.indexOf(429)] as Response;
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // The sign-in page shows this message as it is.
    expect(await limited.json()).toEqual({
      code: 'TOO_MANY_ATTEMPTS',
      message: `Too many sign-in attempts from this address; try again in ${wait === 60 ? '1 minute' : `${wait} second${wait === 1 ? '' : 's'}`}.`,
    });
  });
});

describe('/healthz', () => {
  it('is 503 with the worker reported missing when no heartbeat exists, 200 once it beats', async () => {
    let res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'degraded',
      db: 'ok',
      redis: 'ok',
      worker: { lastHeartbeatSecondsAgo: null },
    });
    await deps.redis.set(heartbeatKey(deps.queuePrefix), String(Date.now() - 3_000));
    res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok', redis: 'ok', worker: { lastHeartbeatSecondsAgo: 3 } });
  });

  it('turns 503 once the worker has missed three 5 s beats', async () => {
    await deps.redis.set(heartbeatKey(deps.queuePrefix), String(Date.now() - 20_000));
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', worker: { lastHeartbeatSecondsAgo: 20 } });
  });

  it('recovers by itself when Redis comes back', async () => {
    const port = 6400 + Math.floor(Math.random() * 500);
    const redis = createRedis('producer', `redis://127.0.0.1:${port}`);
    const probe = createApiServer(
      { ...deps, redis, queue: createQueue(redis, 'recover'), queuePrefix: 'recover' },
      auth,
    );
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/healthz`;
    const redisState = async () => ((await (await fetch(url)).json()) as { redis: string }).redis;
    expect(await redisState()).toBe('down');
    const server = spawn('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    try {
      let state = 'down';
      for (let i = 0; i < 50 && state !== 'ok'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        state = await redisState();
      }
      expect(state).toBe('ok');
    } finally {
      server.kill();
      probe.close();
      redis.disconnect();
    }
  });

  it('reports a database and a Redis that are down, and keeps serving', async () => {
    const redis = createRedis('producer', 'redis://127.0.0.1:1');
    const db = createDb('postgresql://127.0.0.1:1/nothing');
    const broken = createApiServer(
      { db, redis, queue: createQueue(redis, 'x'), queuePrefix: 'x', clock: () => new Date(), log: consoleLogger },
      auth,
    );
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    const res = await fetch(`http://127.0.0.1:${(broken.address() as AddressInfo).port}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', db: 'down', redis: 'down' });
    broken.close();
    redis.disconnect();
  });
});
