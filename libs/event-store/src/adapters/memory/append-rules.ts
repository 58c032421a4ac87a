import { AppendResult, ExpectedRevision } from '../../event-store.port';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../errors';
import { EventToAppend } from '../../envelope';
import { canonicalJson } from '../../hash';

/** Throws unless a stream whose last revision is `last` (-1 when it has no events) satisfies `expected`. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, last: number): void {
  if (!satisfies(expected, last)) {
    throw new WrongExpectedRevisionError(streamId, String(expected), last < 0 ? 'no-stream' : last);
  }
}

function satisfies(expected: ExpectedRevision, last: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return last < 0;
  if (expected === 'stream-exists') return last >= 0;
  return last === expected;
}

/** A stored event as far as a retried append is compared with it. */
export interface StoredForRetry {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly revision: number;
  readonly position: number;
}

/**
 * Answers a retried append from what is stored: `stored` are the stream's events from the
 * revision of the first retried id on. Any difference means the ids were reused for other
 * content, which must never pass silently as a retry.
 */
export function answerRetry(streamId: string, stored: readonly StoredForRetry[], events: readonly EventToAppend[]): AppendResult {
  events.forEach((event, i) => {
    const found = stored[i];
    const same = found !== undefined
      && found.eventId === event.eventId
      && found.type === event.type
      && canonicalJson(found.data) === canonicalJson(event.data);
    if (!same) throw new DuplicateEventIdError(streamId, event.eventId);
  });
  const last = stored[events.length - 1];
  return { revision: last.revision, position: last.position, duplicate: true };
}

/** Throws when one append carries the same event id twice. */
export function checkDistinctIds(streamId: string, events: readonly EventToAppend[]): void {
  const seen = new Set<string>();
  for (const { eventId } of events) {
    if (seen.has(eventId)) throw new DuplicateEventIdError(streamId, eventId);
    seen.add(eventId);
  }
}

/** Rejects batch sizes that would make a reader loop forever or read nothing. */
export function checkBatchSize(batchSize: number): number {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  return batchSize;
}
