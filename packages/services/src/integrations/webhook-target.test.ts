import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postPinned } from './post-pinned';
import { type ResolvedAddress, resolveWebhookTarget, WebhookTargetRefused } from './webhook-target';

const PUBLIC_ONLY = { allowPrivate: false };
const LOCAL_DEV = { allowPrivate: true };
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A receiver on loopback that records each request's Host header and answers `status`. */
async function receiver(status = 204, headers: Record<string, string> = {}) {
  const seen: { host: string | undefined; reached: string | undefined }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push({ host: req.headers.host, reached: req.socket.localAddress });
    req.resume().on('end', () => res.writeHead(status, headers).end());
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { seen, port: (server.address() as AddressInfo).port };
}

/** A resolver answering from a script, one answer per call, counting calls. */
const scripted = (...answers: ResolvedAddress[][]) => {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    return answers[Math.min(calls.length - 1, answers.length - 1)] ?? [];
  };
  return { calls, resolve };
};
const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const post = (url: URL, target: ResolvedAddress) =>
  postPinned(url, target, { headers: {}, body: '{}', timeoutMs: 2_000, onDiscardError: () => {} });

describe('resolveWebhookTarget', () => {
  it('refuses a public-looking name that resolves to loopback, unless private targets are allowed', async () => {
    const dns = scripted([v4('127.0.0.1')]);
    const url = new URL('https://hooks.example.com/x');
    await expect(resolveWebhookTarget(url, PUBLIC_ONLY, dns.resolve)).rejects.toThrow(WebhookTargetRefused);
    await expect(resolveWebhookTarget(url, PUBLIC_ONLY, dns.resolve)).rejects.toThrow(
      /hooks\.example\.com resolves to 127\.0\.0\.1 is a loopback address/,
    );
    expect(await resolveWebhookTarget(url, LOCAL_DEV, dns.resolve)).toEqual(v4('127.0.0.1'));
  });

  it('checks every resolved address, not only the first', async () => {
    const dns = scripted([v4('93.184.215.14'), { address: '::ffff:10.0.0.1', family: 6 }]);
    await expect(resolveWebhookTarget(new URL('https://hooks.example.com/'), PUBLIC_ONLY, dns.resolve)).rejects.toThrow(
      /10\.0\.0\.1 is a private-network address/,
    );
  });

  it('refuses localhost by its name and metadata hosts always, before resolving', async () => {
    const dns = scripted([v4('93.184.215.14')]);
    await expect(resolveWebhookTarget(new URL('http://localhost:6379/'), PUBLIC_ONLY, dns.resolve)).rejects.toThrow(
      /internal host name/,
    );
    await expect(
      resolveWebhookTarget(new URL('https://metadata.google.internal/'), LOCAL_DEV, dns.resolve),
    ).rejects.toThrow(/metadata/);
    expect(dns.calls).toEqual([]);
  });

  it('takes address literals as they are, in any notation the URL parser reads', async () => {
    const dns = scripted();
    await expect(resolveWebhookTarget(new URL('http://2130706433:6379/'), PUBLIC_ONLY, dns.resolve)).rejects.toThrow(
      /127\.0\.0\.1 is a loopback/,
    );
    await expect(resolveWebhookTarget(new URL('https://[::ffff:a9fe:a9fe]/'), LOCAL_DEV, dns.resolve)).rejects.toThrow(
      /metadata/,
    );
    expect(await resolveWebhookTarget(new URL('https://8.8.8.8/'), PUBLIC_ONLY, dns.resolve)).toEqual(v4('8.8.8.8'));
    expect(dns.calls).toEqual([]);
  });
});

describe('postPinned', () => {
  it('connects to the checked address, whatever the name would resolve to a second time', async () => {
    const { seen, port } = await receiver();
    // A rebinding resolver: loopback when checked, another address on any later lookup. The system resolver
    // does not know hooks.uplift.test at all, so only the pinned lookup can reach the receiver.
    const dns = scripted([v4('127.0.0.1')], [v4('10.255.255.1')]);
    const url = new URL(`http://hooks.uplift.test:${port}/hook`);
    const target = await resolveWebhookTarget(url, LOCAL_DEV, dns.resolve);
    expect(await post(url, target)).toBe(204);
    expect(dns.calls).toEqual(['hooks.uplift.test']);
    expect(seen).toEqual([{ host: `hooks.uplift.test:${port}`, reached: '127.0.0.1' }]);
  });

  it('does not follow redirects: a 3xx is the answer', async () => {
    const inner = await receiver();
    const outer = await receiver(302, { location: `http://127.0.0.1:${inner.port}/internal` });
    expect(await post(new URL(`http://127.0.0.1:${outer.port}/hook`), v4('127.0.0.1'))).toBe(302);
    expect(outer.seen).toHaveLength(1);
    expect(inner.seen).toEqual([]);
  });
});
