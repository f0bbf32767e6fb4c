/**
 * One id per form, sent as clientRequestId so a double submit creates one hypothesis.
 * randomUUID needs a secure context; plain http on a LAN address is not one, hence the fallback.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
