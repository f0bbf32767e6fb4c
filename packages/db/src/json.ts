import type { Prisma } from './generated/prisma/client';

/**
 * A value as Prisma's JSON input: a plain-data copy (dates become ISO strings, undefined fields drop), so domain
 * types — interfaces Prisma's JSON type cannot see into — are written without casting them blind.
 */
export function toJsonValue(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value));
}

/** A unique constraint refused the write (Prisma's P2002); the caller says which one in its own words. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
