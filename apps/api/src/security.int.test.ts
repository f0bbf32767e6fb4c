import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, createPasswordUser } from '@uplift/db';
import type { Logger } from '@uplift/services';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from './server';
import { createWorkspace, testAuth, testDeps } from './testing/fixtures';

// The transport's protections (issue 10, points 7, 8, 9 and error hygiene), seen over real HTTP.
const deps = testDeps('security');
const WEB = 'http://localhost:5173';
const PASSWORD = 'correct-horse-1';
const servers: Server[] = [];
let slug: string;

async function listen(server: Server) {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let n = 0;
/** A password user, PRODUCT_OWNER of the test workspace; a fresh email each time so limits do not cross tests. */
async function user() {
  const email = `sec-${Date.now()}-${n++}@test.local`;
  const created = await createPasswordUser(deps.db, { hashPassword }, { email, name: 'Sec', password: PASSWORD });
  const ws = await deps.db.workspace.findUniqueOrThrow({ where: { slug } });
  await deps.db.membership.create({ data: { workspaceId: ws.id, userId: created.id, role: 'PRODUCT_OWNER' } });
  return email;
}

const signIn = (base: string, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: WEB, ...headers },
    body: JSON.stringify({ email, password }),
  });

async function sessionCookie(base: string) {
  const res = await signIn(base, await user(), PASSWORD);
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

let base: string;
let cookie: string;
beforeAll(async () => {
  slug = (await createWorkspace(deps.db, 'sec')).slug;
  base = await listen(createApiServer(deps, await testAuth(deps.db)));
  cookie = await sessionCookie(base);
});
afterAll(async () => {
  for (const s of servers) s.close();
  await deps.close();
});

const mutate = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workspace': slug, cookie, origin: WEB, ...headers },
    body,
  });

describe('sign-in rate limits (point 7)', () => {
  it('limits a direct client that rotates X-Forwarded-For: only trusted proxies are believed', async () => {
    const direct = await listen(createApiServer(deps, await testAuth(deps.db), { trustedProxies: [] }));
    const email = await user();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await signIn(direct, email, 'wrong', { 'x-forwarded-for': `203.0.113.${i}` })).status);
    }
    expect(statuses).toContain(429);
  });

  it('limits one account tried from many addresses, with a sentence', async () => {
    const proxied = await listen(
      createApiServer(deps, await testAuth(deps.db), { accountSignIns: { max: 4, windowSeconds: 60 } }),
    );
    const email = await user();
    const answers: Response[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await signIn(proxied, email.toUpperCase(), 'wrong', { 'x-forwarded-for': `198.51.100.${i}` }));
    }
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect((await answers[5]?.json()) as { message: string }).toMatchObject({
      message: expect.stringMatching(
        /^Too many sign-in attempts for this account; try again in (\d+ seconds?|1 minute)\.$/,
      ),
    });
    expect(Number(answers[5]?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same addresses is not affected.
    expect((await signIn(proxied, await user(), 'wrong', { 'x-forwarded-for': '198.51.100.1' })).status).toBe(401);
  });
});

describe('CSRF and security headers (point 8)', () => {
  const settings = JSON.stringify({ json: { horizonMonths: -1 } });

  it('refuses a cookie-authenticated mutation from another origin with 403', async () => {
    const res = await mutate('workspace.updateSettings', settings, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toMatch(/origin/i);
    expect(
      (await mutate('workspace.updateSettings', settings, { 'sec-fetch-site': 'cross-site', origin: '' })).status,
    ).toBe(403);
  });

  it('lets the web origin through, and callers without cookies are not asked for an origin', async () => {
    expect((await mutate('workspace.updateSettings', settings)).status).toBe(400);
    expect(
      (await mutate('workspace.updateSettings', settings, { cookie: '', origin: 'https://x.example' })).status,
    ).toBe(401);
  });

  it('sends CSP with frame-ancestors none, nosniff and a referrer policy', async () => {
    for (const path of ['/healthz', '/trpc/me.get', '/v1/openapi.json']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('cheap denial of service (point 9)', () => {
  const big = (mb: number) => JSON.stringify({ json: { title: 'x'.repeat(mb * 1024 * 1024) } });

  it('refuses tRPC bodies over 1 MB with 413, except the location upload (20 MB of CSV)', async () => {
    const res = await mutate('hypothesis.create', big(2));
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toMatch(/1 MB/);
    expect((await mutate('experiment.uploadLocations', big(2))).status).toBe(400);
    expect((await mutate('experiment.uploadLocations', big(25))).status).toBe(413);
  });

  it('refuses sign-in bodies over 64 KB', async () => {
    expect((await signIn(base, 'x'.repeat(100_000), 'y')).status).toBe(413);
  });

  it('refuses superjson metadata the inputs do not use, quickly and with 400', async () => {
    const started = Date.now();
    const crafted = '{"json":{"title":"x"},"meta":{"values":{"title":["class","Evil"]}}}';
    for (let i = 0; i < 5; i++) {
      const res = await mutate('workspace.updateSettings', crafted);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(/unsupported/i);
    }
    expect(Date.now() - started).toBeLessThan(1_000);
    // What the web's superjson sends for an optional field left undefined is still understood.
    const undefinedField = JSON.stringify({
      json: { horizonMonths: 18, x: null },
      meta: { values: { x: ['undefined'] } },
    });
    expect((await mutate('workspace.updateSettings', undefinedField)).status).toBe(200);
  });
});

describe('error hygiene', () => {
  it('answers a database failure with a sentence and a request id; the log has the details', async () => {
    const logged: { message: string; fields?: Record<string, unknown> }[] = [];
    const log: Logger = {
      info: () => {},
      warn: () => {},
      error: (message, fields) => logged.push({ message, fields }),
    };
    const broken = createDb('postgresql://127.0.0.1:1/nothing');
    const failing = await listen(createApiServer({ ...deps, db: broken, log }, await testAuth(deps.db)));
    const res = await fetch(`${failing}/trpc/workspace.get`, { headers: { cookie, 'x-workspace': slug } });
    expect(res.status).toBe(500);
    const text = await res.text();
    const error = JSON.parse(text).error.json as { message: string; data: { requestId: string } };
    const { requestId } = error.data;
    expect(requestId).toMatch(/\w{8,}/);
    expect(error.message).toBe(`Something went wrong on our side; quote request id ${requestId}.`);
    expect(text).not.toMatch(/prisma|database|127\.0\.0\.1|ECONNREFUSED|invocation/i);
    const entry = logged.find((l) => l.fields?.requestId === requestId);
    expect(String(entry?.fields?.error)).toMatch(/\w/);
    await broken.$disconnect();
  });
});
