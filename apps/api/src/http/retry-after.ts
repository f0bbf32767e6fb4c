/** How long to wait, as a person reads it: "42 seconds", "1 minute", "15 minutes" (minutes rounded up). */
export function waitPhrase(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const minutes = Math.ceil(s / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * better-auth answers its per-address limit with "Too many requests. Please try again later." and the wait in
 * `X-Retry-After` only; the sign-in page shows the message, so say when (and set the standard Retry-After).
 */
export function explainRateLimit(response: Response, path: string): Response {
  if (response.status !== 429) return response;
  const seconds = Math.max(1, Number(response.headers.get('x-retry-after')) || 60);
  const what = path.endsWith('/sign-in/email') ? 'sign-in attempts' : 'requests';
  return Response.json(
    { code: 'TOO_MANY_ATTEMPTS', message: `Too many ${what} from this address; try again in ${waitPhrase(seconds)}.` },
    { status: 429, headers: { 'retry-after': String(seconds), 'cache-control': 'no-store' } },
  );
}
