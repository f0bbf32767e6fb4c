import { Prisma } from './generated/prisma/client';

/** Why a database could not be used, in terms a person can act on. */
export type ConnectionProblem =
  | { kind: 'missing-database'; database: string }
  | { kind: 'unreachable' }
  | { kind: 'login-refused'; reason: string | null }
  | { kind: 'not-migrated' };

/**
 * Reads Prisma's connection errors (P1003 no such database, P1001 no server, P1000 login refused, P2021 a table
 * missing: migrations not applied; P1010 access denied); null for anything else. Their messages start with a blank line and a code
 * frame, so callers should not show them as they are.
 */
export function connectionProblem(error: unknown, url: string): ConnectionProblem | null {
  const code =
    error instanceof Prisma.PrismaClientKnownRequestError
      ? error.code
      : error instanceof Prisma.PrismaClientInitializationError
        ? error.errorCode
        : undefined;
  switch (code) {
    case 'P1003':
      return { kind: 'missing-database', database: decodeURIComponent(new URL(url).pathname.slice(1)) };
    case 'P1001':
    case 'P1002':
      return { kind: 'unreachable' };
    case 'P1000':
    case 'P1010':
      return { kind: 'login-refused', reason: driverMessage(error) };
    case 'P2021':
      return { kind: 'not-migrated' };
    default:
      return null;
  }
}

/** Postgres' own words (`role "x" does not exist`), which the driver adapter keeps beside Prisma's message. */
function driverMessage(error: unknown): string | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } }).meta;
  const message = meta?.driverAdapterError?.cause?.originalMessage;
  return typeof message === 'string' ? message : null;
}
