/**
 * What went wrong, in terms the edge can map to a status without knowing the rule:
 * invalid input (400), unauthenticated (401), forbidden (403), not found (404),
 * conflict (409), precondition failed (412), a rule of the domain violated (422),
 * unavailable (503).
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'rule-violated'
  | 'unavailable';

/** An error the product expects and explains: a stable machine-readable code and a message that says what to fix. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('invalid', code, message, details);
export const ruleViolated = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('rule-violated', code, message, details);
export const notFound = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('not-found', code, message, details);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', code, message, details);
