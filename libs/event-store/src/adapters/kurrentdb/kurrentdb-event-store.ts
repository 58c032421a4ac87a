import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { Observable, Subject } from 'rxjs';
import { EventToAppend, RecordedEvent } from '../../envelope';
import { AppendResult, EventStore, ExpectedRevision, ReadAllOptions } from '../../event-store.port';
import { EventStoreUnavailableError } from '../../errors';
import { checkBatchSize } from '../memory/append-rules';
import { appendToLog } from './kurrentdb-append';
import { KurrentClient } from './kurrentdb-client';
import { KurrentLog } from './kurrentdb-log';
import { BackoffPolicy, DEFAULT_APPEND_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_DEADLINE_MS, KurrentDbEventStoreOptions } from './kurrentdb-options';
import { followLog } from './kurrentdb-subscription';

const DEFAULT_BATCH = 500;

/**
 * The production event log on KurrentDB (EventStoreDB). Positions are the server's commit
 * positions: strictly increasing, with gaps (see positions.ts). Each event's metadata carries
 * the hash chain (`prevHash`, `hash`) beside the product's metadata.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly log: KurrentLog;
  private readonly maxAppendAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly closing$ = new Subject<void>();

  /** Uses `client` as given; `KurrentDbEventStore.connect` builds one from a connection string. */
  constructor(client: KurrentClient, options: Omit<KurrentDbEventStoreOptions, 'connectionString'> = {}) {
    this.log = new KurrentLog(client, options.namespace ?? '', options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    this.maxAppendAttempts = options.maxAppendAttempts ?? DEFAULT_APPEND_ATTEMPTS;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.resubscribe };
  }

  /** A store on the server at `options.connectionString`; the client connects lazily and reconnects by itself. */
  static connect(options: KurrentDbEventStoreOptions): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(options.connectionString), options);
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.log.ensureOpen();
    return appendToLog(this.log, streamId, events, expected, this.maxAppendAttempts);
  }

  async readStream(streamId: string, fromRevision = 0): Promise<readonly RecordedEvent[]> {
    return this.log.readStream(streamId, Math.max(0, fromRevision));
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<readonly RecordedEvent[]> {
    const batchSize = checkBatchSize(options.batchSize ?? DEFAULT_BATCH);
    const until = options.until ?? Number.MAX_SAFE_INTEGER;
    let after = options.after ?? 0;
    for (;;) {
      const { events, more } = await this.log.readAfter(after, batchSize);
      const batch = events.filter((event) => event.position <= until);
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].position;
      if (!more || batch.length < events.length) return;
    }
  }

  subscribe(after: number, batchSize = DEFAULT_BATCH): Observable<readonly RecordedEvent[]> {
    if (this.log.isClosed) return new Observable((subscriber) => subscriber.error(new EventStoreUnavailableError('the store is closed')));
    return followLog(this.log, after, checkBatchSize(batchSize), this.backoff, this.closing$);
  }

  async headPosition(): Promise<number> {
    return this.log.head();
  }

  /** Ends live subscriptions and disposes the client; every later call throws EventStoreUnavailableError. */
  async close(): Promise<void> {
    if (this.log.isClosed) return;
    this.closing$.next();
    this.closing$.complete();
    await this.log.close();
  }
}
