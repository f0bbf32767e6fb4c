/**
 * Typed domain errors: the domain says what went wrong (`code`) and in words a user can act on;
 * only the transport (tRPC, REST, CLI) maps codes to statuses.
 */
export type DomainErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'ILLEGAL_TRANSITION';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Field path the error is about, when it is about one field. */
  readonly field: string | undefined;

  constructor(code: DomainErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
