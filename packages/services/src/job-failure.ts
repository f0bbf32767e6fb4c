import { isDomainError } from '@uplift/domain';
import { ZodError } from 'zod';

// Prisma's request errors whose retry can succeed: pool timeout, transaction API error, write conflict or
// deadlock (https://www.prisma.io/docs/orm/reference/error-reference#prisma-client-query-engine).
const TRANSIENT_PRISMA = new Set(['P2024', 'P2028', 'P2034']);
// SQLSTATE classes of a raw query's failure that the same data raises again: data exception, integrity.
const PERMANENT_SQLSTATE = /^(22|23)/;

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
const sqlStateOf = (error: unknown) => {
  const meta = typeof error === 'object' && error !== null && 'meta' in error ? error.meta : null;
  return typeof meta === 'object' && meta !== null && 'code' in meta && typeof meta.code === 'string' ? meta.code : '';
};

/**
 * Whether a job's failure comes back however often it is retried: the data itself is refused (a domain or
 * validation error, a value the statistics or a column cannot hold). Everything else (a lost connection, a
 * deadlock, Redis away) may pass on a retry.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (isDomainError(error) || error instanceof ZodError || error instanceof RangeError) return true;
  const code = codeOf(error);
  if (!code?.startsWith('P2') || TRANSIENT_PRISMA.has(code)) return false;
  return code !== 'P2010' || PERMANENT_SQLSTATE.test(sqlStateOf(error));
}

/** A sentence for the people who read the failure: our own messages as they are, database internals named only. */
export function failureSentence(error: unknown): string {
  if (isDomainError(error) || error instanceof RangeError) return error.message;
  if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const code = codeOf(error);
  if (code === 'P2020' || sqlStateOf(error) === '22003') return 'a number is out of the range the database stores';
  return code ? `a database error (${code})` : 'an internal error';
}
