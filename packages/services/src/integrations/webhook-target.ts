import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { addressRefusal, hostRefusal, isAddressLiteral, type WebhookTargetPolicy } from '@uplift/domain';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** How a host name becomes addresses: the system resolver (getaddrinfo) unless a test injects another. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * What delivering a webhook needs besides the database: whether private and loopback targets are allowed
 * (the operator's WEBHOOK_ALLOW_PRIVATE, off unless set) and, for tests, the resolver.
 */
export interface WebhookTargetDeps {
  allowPrivateWebhooks?: boolean;
  resolveHost?: ResolveHost;
}

/** A target the policy refuses: the delivery fails for good, since a retry would reach the same place. */
export class WebhookTargetRefused extends Error {
  override name = 'WebhookTargetRefused';
}

/**
 * Resolves the URL's host once and checks every address it resolves to (one private answer among public
 * ones is enough to refuse: the connection could pick it). Returns the address to connect to, which the
 * caller pins in the connection's lookup so a second resolution (DNS rebinding) cannot swap it.
 */
export async function resolveWebhookTarget(
  url: URL,
  policy: WebhookTargetPolicy,
  resolve: ResolveHost = systemResolver,
): Promise<ResolvedAddress> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const named = hostRefusal(host, policy);
  if (named) throw new WebhookTargetRefused(`refused: ${named}`);
  const addresses: ResolvedAddress[] = isAddressLiteral(host)
    ? [{ address: host, family: host.includes(':') ? 6 : 4 }]
    : await resolve(host);
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, policy);
    if (refusal) throw new WebhookTargetRefused(`refused: ${host} resolves to ${refusal}`);
  }
  const [first] = addresses;
  if (!first) throw new Error(`${host} resolves to no address`);
  return first;
}

/** A connection `lookup` that answers only the checked address, whatever name it is asked for. */
export const pinnedLookup =
  (target: ResolvedAddress): LookupFunction =>
  (_hostname, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
