import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb } from '@uplift/db';
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleLogger } from '../deps';
import { deliverWebhook } from './deliver-webhook';
import type { ResolveHost } from './webhook-target';

const db = createDb(process.env.DATABASE_URL, 2);
let workspaceId: string;
let server: Server;
let port: number;
const received: { host: string | undefined }[] = [];

beforeAll(async () => {
  const ws = await db.workspace.create({ data: { slug: `hooks-${randomUUID().slice(0, 8)}`, name: 'Hooks' } });
  workspaceId = ws.id;
  server = createServer((req: IncomingMessage, res) => {
    received.push({ host: req.headers.host });
    req.resume().on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await db.$disconnect();
});

/** A delivery to `url`, stored as if its webhook was created earlier (when the URL was allowed). */
async function deliveryTo(url: string) {
  const hook = await db.webhook.create({ data: { workspaceId, url, secret: 'whsec_test' } });
  const payload = {
    id: randomUUID(),
    event: 'test.ping',
    createdAt: new Date().toISOString(),
    title: 't',
    body: 'b',
    data: {},
  };
  return db.webhookDelivery.create({ data: { webhookId: hook.id, event: 'test.ping', payload } });
}

const loopbackDns: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];
const firstOfThree = { attemptsMade: 0, opts: { attempts: 3 } };
const deps = { db, log: consoleLogger, clock: () => new Date() };

describe('deliverWebhook to internal targets', () => {
  it('refuses a name resolving to loopback when private targets are not allowed: FAILED at once, no retry', async () => {
    received.length = 0;
    const d = await deliveryTo(`http://hooks.uplift.test:${port}/hook`);
    const attempt = deliverWebhook({ ...deps, resolveHost: loopbackDns }, firstOfThree, d.id);
    await expect(attempt).rejects.toBeInstanceOf(UnrecoverableError);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, lastStatusCode: null });
    expect(row.lastError).toMatch(/^refused: hooks\.uplift\.test resolves to 127\.0\.0\.1 is a loopback address/);
    expect(received).toEqual([]);
  });

  it('refuses localhost with the system resolver too', async () => {
    received.length = 0;
    const d = await deliveryTo(`http://localhost:${port}/hook`);
    await expect(deliverWebhook(deps, firstOfThree, d.id)).rejects.toBeInstanceOf(UnrecoverableError);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/localhost is an internal host/) });
    expect(received).toEqual([]);
  });

  it('delivers to the checked loopback address when private targets are allowed', async () => {
    received.length = 0;
    const d = await deliveryTo(`http://hooks.uplift.test:${port}/hook`);
    const local = { ...deps, resolveHost: loopbackDns, allowPrivateWebhooks: true };
    expect(await deliverWebhook(local, firstOfThree, d.id)).toEqual({ status: 'DELIVERED' });
    expect(received).toEqual([{ host: `hooks.uplift.test:${port}` }]);
  });

  it('does not follow a redirect: the attempt fails with the 3xx and is retried', async () => {
    const redirect = createServer((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/` }).end());
    await new Promise<void>((r) => redirect.listen(0, '127.0.0.1', r));
    try {
      received.length = 0;
      const d = await deliveryTo(`http://127.0.0.1:${(redirect.address() as AddressInfo).port}/hook`);
      const attempt = deliverWebhook({ ...deps, allowPrivateWebhooks: true }, firstOfThree, d.id);
      await expect(attempt).rejects.toThrow(/HTTP 302 \(redirects are not followed\)/);
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
      expect(row).toMatchObject({ status: 'PENDING', lastStatusCode: 302 });
      expect(received).toEqual([]);
    } finally {
      redirect.close();
    }
  });
});
