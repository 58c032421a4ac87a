import { RecordedEvent, EventToAppend } from '../../envelope';
import { AppendResult, ExpectedRevision } from '../../event-store.port';
import { DuplicateEventIdError } from '../../errors';
import { eventHash } from '../../hash';
import { answerRetry, checkDistinctIds, checkExpectedRevision } from '../memory/append-rules';
import { isRevisionConflict } from './error-mapping';
import { toEventData } from './event-mapping';
import { KurrentLog } from './kurrentdb-log';

/**
 * One append, in a loop that ends in a write pinned to the exact tail it chained to:
 * 1. read the stream's last event (its revision and hash);
 * 2. if the call may be a retry, look for its event ids in the stream and answer from there;
 * 3. check the caller's expected revision against the tail;
 * 4. write with the tail's exact revision as the server-side expectation, so a concurrent
 *    writer makes the server refuse ours instead of forking the hash chain.
 * A refusal sends the loop back to 1: `any` and `stream-exists` then chain to the new tail;
 * an exact expectation fails in 3, unless the new tail is our own retry, answered in 2.
 */
export async function appendToLog(log: KurrentLog, streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision, maxAttempts: number): Promise<AppendResult> {
  for (let attempt = 1; ; attempt += 1) {
    const tail = await log.tail(streamId);
    const last = tail ? tail.revision : -1;
    if (events.length > 0 && tail && mayBeRetry(expected, last)) {
      const retry = answerFromStream(streamId, await log.readStream(streamId, 0), events);
      if (retry) return retry;
    }
    checkExpectedRevision(streamId, expected, last);
    if (events.length === 0) return { revision: last, position: tail ? tail.position : await log.head(), duplicate: false };
    checkDistinctIds(streamId, events);
    try {
      const written = await log.write(streamId, chain(streamId, events, tail), last);
      return { ...written, duplicate: false };
    } catch (error) {
      if (!isRevisionConflict(error) || attempt >= maxAttempts) throw error;
      await pause(attempt);
    }
  }
}

/**
 * A retry of an exact expectation always finds the stream moved past it, so only a mismatch
 * (or `any` / `stream-exists`, which match anything) costs the read of the whole stream that
 * finding the ids takes. KurrentDB has no index by event id, and streams here stay short
 * (one household, one grant); an id reused in another stream is not seen.
 */
function mayBeRetry(expected: ExpectedRevision, last: number): boolean {
  if (expected === 'any' || expected === 'stream-exists') return true;
  if (expected === 'no-stream') return last >= 0;
  return expected !== last;
}

/** The answer to a retry when the first event id is stored in the stream; throws if any id is stored but the call is no retry. */
function answerFromStream(streamId: string, stored: readonly RecordedEvent[], events: readonly EventToAppend[]): AppendResult | undefined {
  const at = new Map(stored.map((event) => [event.eventId.toLowerCase(), event.revision]));
  const first = at.get(events[0].eventId.toLowerCase());
  if (first !== undefined) return answerRetry(streamId, stored.slice(first, first + events.length), events);
  const taken = events.find((event) => at.has(event.eventId.toLowerCase()));
  if (taken) throw new DuplicateEventIdError(streamId, taken.eventId);
  return undefined;
}

function chain(streamId: string, events: readonly EventToAppend[], tail: RecordedEvent | undefined) {
  let prevHash = tail ? tail.hash : '';
  let revision = tail ? tail.revision : -1;
  return events.map((event) => {
    revision += 1;
    const hash = eventHash(prevHash, streamId, revision, event);
    const data = toEventData(event, prevHash, hash);
    prevHash = hash;
    return data;
  });
}

/** A short, growing, jittered wait so writers racing on one stream stop colliding in lockstep. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 * attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
