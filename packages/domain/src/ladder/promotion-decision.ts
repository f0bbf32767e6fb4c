import { DomainError } from '../errors';

/** A narrower scope than proposed is the approver's call; a wider one is not backed by the evidence. */
export function assertScopeWithinWins(won: readonly string[], segments: readonly string[]): void {
  const outside = segments.filter((s) => !won.includes(s));
  if (!outside.length) return;
  throw new DomainError(
    'BAD_INPUT',
    `the offer did not win in ${outside.join(', ')}${won.length ? ` (it won in ${won.join(', ')})` : ''}.`,
    'segments',
  );
}

/** The second of two deciders is told who decided first (and when, where known). */
export function alreadyDecided(p: { status: string; decidedByEmail: string | null; decidedAt: Date | null }) {
  return new DomainError(
    'CONFLICT',
    `This proposal was already ${p.status.toLowerCase()} by ${p.decidedByEmail ?? 'someone'}${p.decidedAt ? ` at ${p.decidedAt.toISOString()}` : ''}.`,
    'id',
  );
}
