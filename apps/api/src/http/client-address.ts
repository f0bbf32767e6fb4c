import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The header the api sets (replacing any a client sent) for better-auth's per-address rate limit. */
export const CLIENT_ADDRESS_HEADER = 'x-uplift-client-address';

/** `::ffff:127.0.0.1` (how a dual-stack socket reports IPv4) compares as `127.0.0.1`. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/** Addresses or CIDR ranges (`127.0.0.1`, `::1`, `10.0.0.0/24`) as a set; a bad entry throws naming it. */
export function proxySet(entries: readonly string[]): BlockList {
  const set = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.trim().split('/');
    const family = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    if (prefix === undefined) set.addAddress(address, family);
    else set.addSubnet(address, Number(prefix), family);
  }
  return set;
}

const trusted = (proxies: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy — then X-Forwarded-For is read
 * right to left, skipping trusted hops (a client can prepend anything; only what our proxies appended counts).
 */
export function clientAddress(c: Context, proxies: BlockList): string {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    address = undefined; // not served by @hono/node-server (app.request in tests): no socket to read
  }
  if (!address) return 'unknown';
  address = unmapped(address);
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => unmapped(hop.trim()));
  while (trusted(proxies, address)) {
    const next = forwarded.pop();
    if (!next || !isIP(next)) break;
    address = next;
  }
  return address;
}
