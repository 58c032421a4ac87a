import { EventMetadata, EventToAppend, RecordedEvent } from '../../envelope';
import { AppendResult, ExpectedRevision } from '../../event-store.port';
import { DuplicateEventIdError } from '../../errors';
import { eventHashOfText, storedJson } from '../../hash';
import { answerRetry, checkDistinctIds, checkExpectedRevision } from '../memory/append-rules';
import { EventStatements } from './event-rows';
import { eventIdKey } from './schema';

/** An event as written inside the open transaction, kept as text until someone needs it parsed. */
export interface WrittenEvent {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** What one append did inside the group transaction. */
export interface AppendOutcome {
  readonly result: AppendResult;
  readonly written: readonly WrittenEvent[];
}

/**
 * One append inside an open transaction: answers a retry from what is stored, checks the
 * expected revision, then inserts with each event's hash chained to the stream's last one.
 * Throws on any conflict; the caller rolls back to its savepoint.
 */
export function writeAppend(sql: EventStatements, streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendOutcome {
  if (events.length > 0) {
    const first = sql.whereIs(events[0].eventId);
    if (first) {
      if (first.streamId !== streamId) throw new DuplicateEventIdError(streamId, events[0].eventId);
      const stored = sql.readStream(streamId, first.revision, events.length);
      return { result: answerRetry(streamId, stored, events), written: [] };
    }
  }
  const tail = sql.tail(streamId);
  checkExpectedRevision(streamId, expected, tail ? tail.revision : -1);
  if (events.length === 0) {
    const result = { revision: tail ? tail.revision : -1, position: tail ? tail.position : sql.headPosition(), duplicate: false };
    return { result, written: [] };
  }
  checkDistinctIds(streamId, events);

  let prevHash = tail ? tail.hash : '';
  let revision = tail ? tail.revision : -1;
  const written: WrittenEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    // The first id was looked up above; an id stored anywhere else is never a retry.
    if (i > 0 && sql.whereIs(event.eventId)) throw new DuplicateEventIdError(streamId, event.eventId);
    revision += 1;
    // Serialised once: the same text is stored and hashed.
    const data = storedJson(event.data);
    const metadata = storedJson(event.metadata);
    const hash = eventHashOfText(prevHash, streamId, revision, event.eventId, event.type, data, metadata);
    const position = Number(sql.insert.run(streamId, revision, event.eventId, eventIdKey(event.eventId), event.type, data, metadata, prevHash, hash).lastInsertRowid);
    written.push({ position, streamId, revision, eventId: event.eventId, type: event.type, data, metadata, prevHash, hash });
    prevHash = hash;
  }
  const last = written[written.length - 1];
  return { result: { revision: last.revision, position: last.position, duplicate: false }, written };
}


/** Parses written events into what readers see, so live subscribers get exactly what a read returns. */
export function toRecorded(written: readonly WrittenEvent[]): RecordedEvent[] {
  return written.map((w) => ({ ...w, data: JSON.parse(w.data) as unknown, metadata: JSON.parse(w.metadata) as EventMetadata }));
}
