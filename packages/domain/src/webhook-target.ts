import ipaddr from 'ipaddr.js';

/** Whether webhooks may reach private and loopback targets (the operator's WEBHOOK_ALLOW_PRIVATE). */
export interface WebhookTargetPolicy {
  allowPrivate: boolean;
}

/**
 * Ranges a local receiver lives in: reachable only when the operator allows private targets (local
 * development). Every other range but plain unicast (link-local, multicast, unspecified, broadcast, reserved,
 * 6to4/Teredo/NAT64 wrappers, …) is never a webhook target. Names are ipaddr.js's `range()` names.
 */
const LOCAL_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

/** Cloud metadata services, refused even when private targets are allowed (they hand out credentials). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);
const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);
/** Suffixes that name hosts inside a network, never on the internet (RFC 6761, RFC 8375, ICANN's .internal). */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'lan', 'intranet', 'home.arpa'];

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  uniqueLocal: 'a private (unique-local) IPv6 address',
  carrierGradeNat: 'a carrier-grade NAT address',
  linkLocal: 'a link-local address',
  multicast: 'a multicast address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
};

const PUBLIC_ONLY = 'webhooks go only to public addresses';
const UNLESS_ALLOWED = `${PUBLIC_ONLY} unless the server sets WEBHOOK_ALLOW_PRIVATE=true`;

/** `[::1]` → `::1`, `Example.COM.` → `example.com`: the host as an address parser or a name check wants it. */
const bare = (host: string) =>
  host
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();

/** True when `host` is an IP address literal (any notation the URL parser leaves, brackets allowed). */
export const isAddressLiteral = (host: string) => ipaddr.isValid(bare(host));

/** The address a connection would really reach: IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is its IPv4 address. */
const canonical = (address: string) => ipaddr.process(bare(address));

/** Whether an address lies in a range only a local receiver uses (loopback, private, unique-local, CGNAT). */
export const isLocalAddress = (address: string) => LOCAL_RANGES.has(canonical(address).range());

/**
 * Why a webhook may not connect to this IP address, or null when it may. Only plain unicast addresses are
 * public; the local ranges pass when the policy allows private targets; metadata services never do.
 */
export function addressRefusal(address: string, { allowPrivate }: WebhookTargetPolicy): string | null {
  if (!ipaddr.isValid(bare(address))) return `${address} is not an IP address`;
  const ip = canonical(address);
  const shown = ip.toString();
  if (METADATA_ADDRESSES.has(shown)) return `${shown} is a cloud metadata service; ${PUBLIC_ONLY}`;
  const range = ip.range();
  if (range === 'unicast') return null;
  if (LOCAL_RANGES.has(range) && allowPrivate) return null;
  const what = RANGE_WORDS[range] ?? `in the special-purpose range "${range}"`;
  return `${shown} is ${what}; ${LOCAL_RANGES.has(range) ? UNLESS_ALLOWED : PUBLIC_ONLY}`;
}

/** Whether a host name names something inside a network (localhost, *.internal, a name with no dot, …). */
export const isInternalName = (host: string) => {
  const name = bare(host);
  return !name.includes('.') || INTERNAL_SUFFIXES.some((s) => name === s || name.endsWith(`.${s}`));
};

/**
 * Why a webhook may not point at this host (a URL's hostname: a name or an address literal), or null when
 * it may. Names are checked by what they say; what they resolve to is checked again at delivery time.
 */
export function hostRefusal(host: string, policy: WebhookTargetPolicy): string | null {
  if (isAddressLiteral(host)) return addressRefusal(host, policy);
  const name = bare(host);
  if (METADATA_HOSTS.has(name)) return `${name} is a cloud metadata service; ${PUBLIC_ONLY}`;
  if (isInternalName(name) && !policy.allowPrivate) return `${name} is an internal host name; ${UNLESS_ALLOWED}`;
  return null;
}
