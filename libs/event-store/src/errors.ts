import { DomainError } from '@pl/domain';

export class WrongExpectedRevisionError extends DomainError {
  constructor(readonly streamId: string, readonly expected: string, readonly actual: number | 'no-stream') {
    super('conflict', 'WRONG_EXPECTED_REVISION', `stream ${streamId} is at ${actual}, the write expected ${expected}; reload and retry`, { streamId, expected, actual });
  }
}

export class StreamNotFoundError extends DomainError {
  constructor(readonly streamId: string) {
    super('not-found', 'STREAM_NOT_FOUND', `stream ${streamId} has no events`, { streamId });
  }
}

export class EventStoreUnavailableError extends DomainError {
  constructor(reason: string) {
    super('unavailable', 'EVENT_STORE_UNAVAILABLE', `the event store cannot be reached: ${reason}`);
  }
}

/** A retried append whose event ids exist but whose content differs: a bug or an attack, never a retry. */
export class DuplicateEventIdError extends DomainError {
  constructor(readonly streamId: string, readonly eventId: string) {
    super('conflict', 'DUPLICATE_EVENT_ID', `event ${eventId} is already stored in ${streamId} with other content or at another place`, { streamId, eventId });
  }
}
