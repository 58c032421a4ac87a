import { ErrorType } from '@kurrent/kurrentdb-client';
import type { WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { DomainError } from '@pl/domain';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../../errors';

// Failures of the connection, not of the request: the same call may succeed a moment later.
const TRANSIENT = new Set<string>([ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.TIMEOUT, ErrorType.NOT_LEADER, ErrorType.CANCELLED]);

/** The client error's kind; compared by `type` rather than class so a second copy of the client still matches. */
function typeOf(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}

/** True when the connection failed (server down, deadline passed, leader moved) rather than the request. */
export function isTransient(error: unknown): boolean {
  const type = typeOf(error);
  return type !== undefined && TRANSIENT.has(type);
}

/** True when the server refused a write because the stream was not at the revision sent. */
export function isRevisionConflict(error: unknown): boolean {
  return error instanceof WrongExpectedRevisionError || typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

/** Translates a client error into the port's errors; anything unknown passes through unchanged. */
export function toStoreError(error: unknown, streamId: string): unknown {
  if (error instanceof DomainError) return error;
  switch (typeOf(error)) {
    case ErrorType.WRONG_EXPECTED_VERSION: {
      const conflict = error as WrongExpectedVersionError;
      const actual = conflict.actualState === 'no_stream' ? 'no-stream' : Number(conflict.actualState);
      return new WrongExpectedRevisionError(streamId, String(conflict.expectedState).replace('_', '-'), actual);
    }
    case ErrorType.STREAM_NOT_FOUND:
      return new StreamNotFoundError(streamId);
    default:
      return isTransient(error) ? new EventStoreUnavailableError((error as Error).message || String(typeOf(error))) : error;
  }
}
