import { notCsvReason } from '@uplift/domain';
import type { MiddlewareHandler } from 'hono';
import type { RestEnv } from './env';
import { HttpError } from './errors';

/** JSON bodies of every route but the upload routes (locations, covariates) and the events batch. */
export const DEFAULT_BODY_BYTES = 1024 * 1024;

const tooLarge = (limit: number) =>
  new HttpError(
    413,
    `The body exceeds ${Math.round(limit / 1024 / 1024)} MB; split it into smaller batches.`,
    undefined,
    {
      connection: 'close',
    },
  );

/** The raw body, refused with 413 beyond `limit` bytes without reading the rest. */
async function readBytes(req: Request, limit: number): Promise<Buffer> {
  if (Number(req.headers.get('content-length') ?? 0) > limit) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads the body within `limit` bytes before the router's validator sees it: an empty body or malformed JSON
 * is a 400 naming the position. The body is read as JSON whatever its content-type says (as clients have
 * always been served); with `csv`, a `text/csv` body is kept as text (`c.var.csv`) for the route to parse.
 */
export const body =
  (limit: number, options: { csv?: boolean } = {}): MiddlewareHandler<RestEnv> =>
  async (c, next) => {
    const bytes = await readBytes(c.req.raw, limit);
    const text = bytes.toString('utf8');
    if (options.csv && c.req.header('content-type')?.includes('text/csv')) {
      // A binary file sent as CSV (a spreadsheet, an image) is refused here rather than parsed into garbage.
      const notCsv = notCsvReason(bytes, 'The body');
      if (notCsv) throw new HttpError(400, notCsv, [{ field: 'body', message: 'is not a CSV file' }]);
      c.set('csv', text);
      return next();
    }
    if (!text.trim()) {
      throw new HttpError(400, 'The request body is empty; send JSON.', [{ field: 'body', message: 'is required' }]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, `Malformed JSON: ${(error as Error).message}`, [
        { field: 'body', message: 'is not valid JSON' },
      ]);
    }
    // The validator reads the body through c.req.json(), which would parse the text again (a 1,000-event batch:
    // ~0.4 ms, issue 15): it gets the value parsed here. The text stays cached for anything reading it as text.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    Object.defineProperty(c.req, 'json', { value: () => Promise.resolve(json), configurable: true });
    c.req.raw.headers.set('content-type', 'application/json');
    await next();
  };
