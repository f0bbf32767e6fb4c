import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb } from '@uplift/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleLogger } from '../deps';
import { signWebhook } from './deliver-webhook';
import { sendTestDelivery } from './send-test-delivery';

const db = createDb(process.env.DATABASE_URL, 2);
let workspace: { id: string };
let server: Server;
let port: number;
let answer = 204;
const received: { event: string | undefined; signature: string | undefined; body: string }[] = [];

beforeAll(async () => {
  workspace = await db.workspace.create({ data: { slug: `ping-${randomUUID().slice(0, 8)}`, name: 'Ping' } });
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({
        event: req.headers['x-uplift-event'] as string,
        signature: req.headers['x-uplift-signature'] as string,
        body,
      });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await db.$disconnect();
});

const deps = (allowPrivateWebhooks: boolean) => ({
  db,
  log: consoleLogger,
  clock: () => new Date(),
  allowPrivateWebhooks,
});
const hook = (url: string) => db.webhook.create({ data: { workspaceId: workspace.id, url, secret: 'whsec_ping' } });

describe('sendTestDelivery', () => {
  it('posts a signed ping through the delivery code and answers the status code', async () => {
    received.length = 0;
    answer = 204;
    const h = await hook(`http://127.0.0.1:${port}/hook`);
    const result = await sendTestDelivery(deps(true), { workspace }, { id: h.id });
    expect(result).toMatchObject({ status: 'DELIVERED', statusCode: 204, error: null });
    expect(received).toHaveLength(1);
    expect(received[0]!.event).toBe('ping');
    expect(received[0]!.signature).toBe(signWebhook('whsec_ping', received[0]!.body));
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'ping', title: 'Test delivery from Uplift' });
    // The attempt is in the webhook's delivery log like any other.
    const logged = await db.webhookDelivery.findUniqueOrThrow({ where: { id: result.id } });
    expect(logged).toMatchObject({ event: 'ping', status: 'DELIVERED', attempts: 1 });
  });

  it('reports a receiver error or a refused target once, without retrying', async () => {
    answer = 500;
    const h = await hook(`http://127.0.0.1:${port}/hook`);
    expect(await sendTestDelivery(deps(true), { workspace }, { id: h.id })).toMatchObject({
      status: 'FAILED',
      statusCode: 500,
      error: 'HTTP 500',
    });
    const refused = await sendTestDelivery(deps(false), { workspace }, { id: h.id });
    expect(refused.status).toBe('FAILED');
    expect(refused.error).toMatch(/loopback/);
  });

  it('refuses a webhook of another workspace or a disabled one', async () => {
    const other = await db.workspace.create({ data: { slug: `ping-${randomUUID().slice(0, 8)}`, name: 'Other' } });
    const h = await hook(`http://127.0.0.1:${port}/hook`);
    await expect(sendTestDelivery(deps(true), { workspace: other }, { id: h.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await db.webhook.update({ where: { id: h.id }, data: { active: false } });
    await expect(sendTestDelivery(deps(true), { workspace }, { id: h.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
