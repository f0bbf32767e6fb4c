// The benches' ingestion clients: one batch POSTed to `/v1/events`, its answer parsed.
import http from 'node:http';

/**
 * The clients stand for email tools and websites on other machines, yet in a bench they share the api's and
 * Postgres's cores: they send through node:http on kept-alive connections, which spends half the CPU a request
 * `fetch` did (undici's WHATWG streams and headers): 0.9–1.2 against 2.0–2.5 µs an event, 4 alternating runs of
 * bench/ingestion.ts (issue 15).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** `{ accepted, … }` of a batch ingestion took (202); anything else is an error naming the status and the body. */
export function postEvents(base: string, token: string, body: string): Promise<{ accepted: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/v1/events`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 202) reject(new Error(`ingestion answered ${res.statusCode}: ${text}`));
          else resolve(JSON.parse(text) as { accepted: number });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
