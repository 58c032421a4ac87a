import { Observable, Subject } from 'rxjs';
import { EventToAppend, RecordedEvent } from '../../envelope';
import { AppendResult, EventStore, ExpectedRevision, ReadAllOptions } from '../../event-store.port';
import { DuplicateEventIdError, EventStoreUnavailableError, StreamNotFoundError } from '../../errors';
import { eventHash } from '../../hash';
import { answerRetry, checkBatchSize, checkDistinctIds, checkExpectedRevision } from './append-rules';
import { catchUpThenLive } from './catch-up-then-live';

const DEFAULT_BATCH = 500;

/** The event log in process memory, with the same semantics as the durable adapters; for tests and demos. */
export class MemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly committed$ = new Subject<readonly RecordedEvent[]>();
  private closed = false;

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.ensureOpen();
    const stream = this.streams.get(streamId) ?? [];
    const tail = stream[stream.length - 1];
    if (events.length > 0) {
      const first = this.byId.get(events[0].eventId);
      if (first) {
        if (first.streamId !== streamId) throw new DuplicateEventIdError(streamId, first.eventId);
        return answerRetry(streamId, stream.slice(first.revision, first.revision + events.length), events);
      }
    }
    checkExpectedRevision(streamId, expected, tail ? tail.revision : -1);
    if (events.length === 0) return { revision: tail ? tail.revision : -1, position: tail ? tail.position : this.head(), duplicate: false };
    checkDistinctIds(streamId, events);
    const taken = events.find((e) => this.byId.has(e.eventId));
    if (taken) throw new DuplicateEventIdError(streamId, taken.eventId);

    const recorded = this.record(streamId, events, tail);
    if (!this.streams.has(streamId)) this.streams.set(streamId, stream);
    for (const event of recorded) {
      stream.push(event);
      this.log.push(event);
      this.byId.set(event.eventId, event);
    }
    const last = recorded[recorded.length - 1];
    this.committed$.next(recorded);
    return { revision: last.revision, position: last.position, duplicate: false };
  }

  async readStream(streamId: string, fromRevision = 0): Promise<readonly RecordedEvent[]> {
    this.ensureOpen();
    const stream = this.streams.get(streamId);
    if (!stream) throw new StreamNotFoundError(streamId);
    return stream.slice(Math.max(0, fromRevision));
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<readonly RecordedEvent[]> {
    const batchSize = checkBatchSize(options.batchSize ?? DEFAULT_BATCH);
    const until = options.until ?? Number.MAX_SAFE_INTEGER;
    let after = options.after ?? 0;
    for (;;) {
      this.ensureOpen();
      const batch = this.readAfter(after, batchSize).filter((e) => e.position <= until);
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].position;
      if (batch.length < batchSize) return;
    }
  }

  subscribe(after: number, batchSize = DEFAULT_BATCH): Observable<readonly RecordedEvent[]> {
    if (this.closed) return new Observable((s) => s.error(this.unavailable()));
    return catchUpThenLive({ readAfter: (a, n) => this.readAfter(a, n), committed$: this.committed$ }, after, checkBatchSize(batchSize));
  }

  async headPosition(): Promise<number> {
    this.ensureOpen();
    return this.head();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.committed$.complete();
  }

  private head(): number {
    return this.log.length;
  }

  private readAfter(after: number, limit: number): readonly RecordedEvent[] {
    this.ensureOpen();
    // Positions here are 1-based array indexes plus one, so `after` is the start index.
    const start = Math.max(0, Math.floor(after));
    return this.log.slice(start, start + limit);
  }

  private record(streamId: string, events: readonly EventToAppend[], tail: RecordedEvent | undefined): RecordedEvent[] {
    let prevHash = tail ? tail.hash : '';
    let revision = tail ? tail.revision : -1;
    let position = this.head();
    return events.map((input) => {
      // A copy, so a caller changing its object later cannot rewrite history.
      const event: EventToAppend = structuredClone({ eventId: input.eventId, type: input.type, data: input.data, metadata: input.metadata });
      revision += 1;
      position += 1;
      const hash = eventHash(prevHash, streamId, revision, event);
      const recorded: RecordedEvent = deepFreeze({ ...event, streamId, revision, position, prevHash, hash });
      prevHash = hash;
      return recorded;
    });
  }

  private ensureOpen(): void {
    if (this.closed) throw this.unavailable();
  }

  private unavailable(): EventStoreUnavailableError {
    return new EventStoreUnavailableError('the store is closed');
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
