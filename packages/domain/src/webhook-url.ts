import { DomainError } from './errors';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Webhooks post over HTTPS; plain http is accepted only for localhost, so a developer can point one at a
 * local receiver. Returns the URL normalised (`new URL(...).toString()`).
 */
export function assertWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('BAD_INPUT', 'must be a full URL, e.g. https://hooks.example.com/uplift', 'url');
  }
  const local = LOCAL_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new DomainError('BAD_INPUT', 'must use https:// (http:// only for localhost)', 'url');
  }
  return url.toString();
}
