import { DomainError } from './errors';
import {
  hostRefusal,
  isAddressLiteral,
  isInternalName,
  isLocalAddress,
  type WebhookTargetPolicy,
} from './webhook-target';

/** A host a local receiver runs on: a name like localhost or a loopback/private address literal. */
const isLocalHost = (host: string) => (isAddressLiteral(host) ? isLocalAddress(host) : isInternalName(host));

/**
 * Webhooks post over HTTPS to public hosts. An address literal in a non-public range (any notation: the URL
 * parser turns `2130706433` or `0x7f.1` into `127.0.0.1`) and internal names (localhost, *.internal, metadata
 * hosts) are refused; with `allowPrivate` (local development) loopback and private targets pass, and plain
 * http is accepted for them. Names are resolved and checked again at delivery time. Returns the URL
 * normalised (`new URL(...).toString()`).
 */
export function assertWebhookUrl(raw: string, policy: WebhookTargetPolicy = { allowPrivate: false }): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('BAD_INPUT', 'must be a full URL, e.g. https://hooks.example.com/uplift', 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DomainError('BAD_INPUT', 'must use https://', 'url');
  }
  const refusal = hostRefusal(url.hostname, policy);
  if (refusal) throw new DomainError('BAD_INPUT', `must point at a public host: ${refusal}`, 'url');
  if (url.protocol === 'http:' && !(policy.allowPrivate && isLocalHost(url.hostname))) {
    throw new DomainError('BAD_INPUT', 'must use https:// (http:// only for a local receiver in development)', 'url');
  }
  return url.toString();
}
