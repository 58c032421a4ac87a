import { EventToAppend, RecordedEvent } from '../../envelope';
import { AppendResult, ExpectedRevision } from '../../event-store.port';
import { DuplicateEventIdError } from '../../errors';
import { eventHashOfText, storedJson } from '../../hash';
import { answerRetry, checkExpectedRevision } from '../memory/append-rules';
import { EventStatements, storedEvent } from './event-rows';
import { eventIdKey } from './schema';

/** Ids, hashes and the index entries of a row, beside its data and metadata. */
const ROW_OVERHEAD = 400;

/** What one append did inside the group transaction. */
export interface AppendOutcome {
  readonly result: AppendResult;
  /** The events appended, as readers see them; empty when the caller did not ask for them. */
  readonly written: readonly RecordedEvent[];
  /** About how many bytes the append stored (its rows' text): what the WAL grew by. */
  readonly bytes: number;
}

/**
 * One append inside an open transaction: answers a retry (its first event id already in the
 * stream) from what is stored, checks the
 * expected revision, then inserts with each event's hash chained to the stream's last one.
 * Throws on any conflict; the caller rolls back to its savepoint. `keepWritten` asks for the
 * appended events back (for live subscribers): without it none is built.
 */
export function writeAppend(
  sql: EventStatements, streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision, keepWritten: boolean,
): AppendOutcome {
  if (events.length > 0) {
    const first = sql.revisionOf(streamId, events[0].eventId);
    if (first !== undefined) {
      const stored = sql.readStream(streamId, first, events.length);
      return { result: answerRetry(streamId, stored, events), written: [], bytes: 0 };
    }
  }
  const tail = sql.tail(streamId);
  checkExpectedRevision(streamId, expected, tail ? tail.revision : -1);
  if (events.length === 0) {
    const result = { revision: tail ? tail.revision : -1, position: tail ? tail.position : sql.headPosition(), duplicate: false };
    return { result, written: [], bytes: 0 };
  }

  let prevHash = tail ? tail.hash : '';
  let revision = tail ? tail.revision : -1;
  let firstPosition = 0;
  let position = 0;
  let bytes = 0;
  const written: RecordedEvent[] = [];
  for (const { eventId, type, data, metadata } of events) {
    revision += 1;
    // Serialised once: the same text is stored and hashed.
    const dataJson = storedJson(data);
    const metadataJson = storedJson(metadata);
    const hash = eventHashOfText(prevHash, streamId, revision, eventId, type, dataJson, metadataJson);
    position = Number(sql.insert.run(streamId, revision, eventId, eventIdKey(eventId), type, dataJson, metadataJson, prevHash, hash).lastInsertRowid);
    firstPosition ||= position;
    bytes += ROW_OVERHEAD + dataJson.length + metadataJson.length;
    if (keepWritten) written.push(storedEvent(position, streamId, revision, eventId, type, dataJson, metadataJson, prevHash, hash));
    prevHash = hash;
  }
  // One query for the whole append, once its rows are in: an id the stream held before, or twice
  // in this append, is never a retry. The first id was looked up above, so one event needs no second look.
  // The savepoint takes the rows back out.
  const reused = events.length > 1 ? sql.reusedId(firstPosition, position) : undefined;
  if (reused !== undefined) throw new DuplicateEventIdError(streamId, reused);
  return { result: { revision, position, duplicate: false }, written, bytes };
}
