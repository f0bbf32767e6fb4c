import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pinnedLookup, type ResolvedAddress } from './webhook-target';

export interface PinnedPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Told when discarding the receiver's body fails after its status arrived (the answer stands). */
  onDiscardError: (error: Error) => void;
}

/**
 * POSTs to `url` over a fresh connection to `target` only (the address that was checked; TLS still verifies
 * the certificate against the URL's host name) and answers the status code. Redirects are never followed:
 * a 3xx is an answer like any other, so a receiver cannot bounce a delivery to an internal address.
 */
export function postPinned(
  url: URL,
  target: ResolvedAddress,
  { headers, body, timeoutMs, onDiscardError }: PinnedPost,
) {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(target),
        // A fresh agent: no pooled socket from an earlier delivery, whatever it was connected to.
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response: IncomingMessage) => {
        // Only the status matters: the receiver's body is drained and dropped.
        response.on('error', onDiscardError).resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
