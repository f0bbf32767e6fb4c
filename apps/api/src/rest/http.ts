import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DomainErrorCode, isDomainError } from '@uplift/domain';
import { ZodError } from 'zod';

/** A REST error: the status, one sentence, and per-field issues where the input was at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: { index?: number; field: string; message: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const STATUS: Record<DomainErrorCode, number> = {
  BAD_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Maps any thrown error to its response; unknown errors are logged and answered 500 without details. */
export function sendError(res: ServerResponse, error: unknown) {
  if (error instanceof HttpError) {
    return sendJson(res, error.status, { error: error.message, issues: error.issues }, error.headers);
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({
      ...(typeof i.path[1] === 'number' && i.path[0] === 'events' ? { index: i.path[1] } : {}),
      field: i.path.join('.') || 'body',
      message: i.message,
    }));
    return sendJson(res, 400, { error: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues });
  }
  if (isDomainError(error)) {
    const issues = error.field ? [{ field: error.field, message: error.message }] : undefined;
    return sendJson(res, STATUS[error.code], { error: error.message, issues });
  }
  if (isDatabaseDown(error)) {
    console.error(`rest: database unavailable (${String((error as Error).message).split('\n')[0]})`);
    return sendJson(
      res,
      503,
      { error: 'The database is unavailable; nothing was stored. Retry shortly.' },
      {
        'retry-after': '5',
      },
    );
  }
  console.error('rest:', error);
  return sendJson(res, 500, { error: 'Internal error; it has been logged.' });
}

/**
 * Reads a JSON body of at most `limit` bytes. Beyond it answers 413 without reading the rest; malformed JSON
 * is a 400 naming the position.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = await readTextBody(req, limit);
  if (!text.trim())
    throw new HttpError(400, 'The request body is empty; send JSON.', [{ field: 'body', message: 'is required' }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `Malformed JSON: ${(error as Error).message}`, [
      { field: 'body', message: 'is not valid JSON' },
    ]);
  }
}

/** The raw body as text, refused with 413 beyond `limit` bytes. */
export async function readTextBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = (limit: number) =>
  new HttpError(
    413,
    `The body exceeds ${Math.round(limit / 1024 / 1024)} MB; split it into smaller batches.`,
    undefined,
    {
      connection: 'close',
    },
  );

/** A lost or refused database connection: the request did not commit, so the client may safely retry. */
const isDatabaseDown = (error: unknown) =>
  error instanceof Error &&
  /DatabaseNotReachable|Connection terminated|ECONNREFUSED|ECONNRESET|Can't reach database|connection.*(closed|timeout)/i.test(
    `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`,
  );
