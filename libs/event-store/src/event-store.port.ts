import { Observable } from 'rxjs';
import { EventToAppend, RecordedEvent } from './envelope';

/** What the writer believes about the stream: anything, that it does not exist yet, that it exists, or its exact last revision. */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly revision: number;
  /** Global position of the last event appended (or found, on an idempotent retry). */
  readonly position: number;
  /** True when every event id was already stored: nothing was appended. */
  readonly duplicate: boolean;
}

export interface ReadAllOptions {
  /** Read events with a position strictly greater than this; 0 reads from the start. */
  readonly after?: number;
  readonly batchSize?: number;
  /** Stop after this position (inclusive). */
  readonly until?: number;
}

/**
 * The event log. Adapters: sqlite (embedded default), memory (tests), kurrentdb (production).
 * Every adapter passes `eventStoreContract`.
 */
export interface EventStore {
  /** Appends atomically, checking `expected`; a retry with the same event ids appends nothing and answers as the first time. */
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events from `fromRevision` on; throws `StreamNotFoundError` if it has none. */
  readStream(streamId: string, fromRevision?: number): Promise<readonly RecordedEvent[]>;
  /** The whole log forward, in batches of at most `batchSize`. */
  readAll(options?: ReadAllOptions): AsyncIterable<readonly RecordedEvent[]>;
  /** Catch-up then live: batches of events after `after`, in order, until unsubscribed. */
  subscribe(after: number, batchSize?: number): Observable<readonly RecordedEvent[]>;
  /** Position of the last event in the log (0 when empty). */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
