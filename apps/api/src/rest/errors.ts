import { type DomainErrorCode, isDomainError } from '@uplift/domain';
import type { Logger } from '@uplift/services';
import type { ZodError } from 'zod';
import { ZodError as ZodErrorClass } from 'zod';

export interface Issue {
  index?: number;
  field: string;
  message: string;
}

/** A REST error: the status, one sentence, and per-field issues where the input was at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: Issue[],
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

/** `events.3.metric: …; variants: …` with one issue per field; events carry their index in the batch. */
export function invalidInput(error: ZodError, status = 400): HttpError {
  const issues = error.issues.map((i) => ({
    ...(typeof i.path[1] === 'number' && i.path[0] === 'events' ? { index: i.path[1] } : {}),
    field: i.path.join('.') || 'body',
    message: i.message,
  }));
  return new HttpError(status, issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

const firstLine = (error: unknown) =>
  String((error as Error).message)
    .split('\n')
    .find((l) => l.trim()) ?? String(error);

/** A lost or refused database connection: the request did not commit, so the client may safely retry. */
export const isDatabaseDown = (error: unknown) =>
  error instanceof Error &&
  /DatabaseNotReachable|Connection terminated|ECONNREFUSED|ECONNRESET|Can't reach database|connection.*(closed|timeout)/i.test(
    `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`,
  );

/**
 * Any thrown error as the HttpError the client sees. Unknown errors are logged with the request id and
 * answered 500 without details; internals (SQL, Prisma messages) never reach the client.
 */
export function toHttpError(error: unknown, log: Logger, requestId: string): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ZodErrorClass) return invalidInput(error);
  if (isDomainError(error)) {
    return new HttpError(
      STATUS[error.code],
      error.message,
      error.field ? [{ field: error.field, message: error.message }] : undefined,
    );
  }
  if (isDatabaseDown(error)) {
    log.error('rest: database unavailable', { requestId, error: firstLine(error) });
    return new HttpError(503, 'The database is unavailable; nothing was stored. Retry shortly.', undefined, {
      'retry-after': '5',
    });
  }
  log.error('rest: internal error', {
    requestId,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return new HttpError(500, 'Internal error; it has been logged.');
}
