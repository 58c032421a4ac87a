import { DatabaseSync } from 'node:sqlite';
import { Observable, Subject } from 'rxjs';
import { EventToAppend, RecordedEvent } from '../../envelope';
import { AppendResult, EventStore, ExpectedRevision, ReadAllOptions } from '../../event-store.port';
import { EventStoreUnavailableError, StreamNotFoundError } from '../../errors';
import { checkBatchSize } from '../memory/append-rules';
import { catchUpThenLive } from '../memory/catch-up-then-live';
import { EventStatements } from './event-rows';
import { pollOtherWriters } from './poll-other-writers';
import { prepareDatabase, SqliteSynchronous } from './schema';
import { WalCheckpointer } from './wal-checkpointer';
import { AppendOutcome, writeAppend } from './write-append';

/** Where the log lives and how hard each commit is pushed to disk (default `full`). */
export interface SqliteEventStoreOptions {
  readonly file: string;
  readonly synchronous?: SqliteSynchronous;
  /**
   * When set, live subscriptions also poll the file this often for events appended by
   * another process (a projector beside the API); without it they see only this store's appends.
   */
  readonly pollIntervalMs?: number;
}

/** Counters that show group commit at work. */
export interface SqliteEventStoreStats {
  readonly commits: number;
  readonly appends: number;
}

interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

const DEFAULT_BATCH = 500;
const MAX_POSITION = Number.MAX_SAFE_INTEGER;

/**
 * The embedded event log: one SQLite file in WAL mode. Appends requested in the same turn
 * of the event loop share one transaction and one fsync (group commit); each has its own
 * savepoint, so a conflicting append fails alone.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: DatabaseSync;
  private readonly sql: EventStatements;
  private readonly committed$ = new Subject<readonly RecordedEvent[]>();
  private queue: QueuedAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private closed = false;
  private commits = 0;
  private appends = 0;
  /** Highest position handed to live subscribers, by this process's commits or by polling. */
  private published = 0;
  private stopPolling: (() => void) | undefined;
  /** Copies the WAL into the file on a thread of its own, so bulk loads do not stop for it. */
  private readonly checkpointer: WalCheckpointer;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new DatabaseSync(options.file);
    const synchronous = options.synchronous ?? 'full';
    this.checkpointer = new WalCheckpointer(options.file, synchronous);
    try {
      prepareDatabase(this.db, synchronous);
      this.sql = new EventStatements(this.db);
      this.published = this.sql.headPosition();
    } catch (error) {
      this.db.close();
      throw new EventStoreUnavailableError(`cannot open ${options.file}: ${(error as Error).message}`);
    }
    if (options.pollIntervalMs) {
      this.stopPolling = pollOtherWriters(options.pollIntervalMs, () => {
        if (this.closed || !this.committed$.observed) return undefined;
        return this.sql.readAfter(this.published, MAX_POSITION, DEFAULT_BATCH);
      }, (events) => this.publish(events));
    }
  }

  /** Opens (and creates if needed) the log at `options.file`. */
  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    return new SqliteEventStore(options);
  }

  /** Transactions committed and appends requested since this store was opened. */
  stats(): SqliteEventStoreStats {
    return { commits: this.commits, appends: this.appends };
  }

  /** Transactions committed since this store was opened. */
  get commitCount(): number {
    return this.commits;
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(unavailable());
    this.appends += 1;
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  async readStream(streamId: string, fromRevision = 0): Promise<readonly RecordedEvent[]> {
    this.ensureOpen();
    const events = this.sql.readStream(streamId, Math.max(0, fromRevision));
    if (events.length === 0 && !this.sql.tail(streamId)) throw new StreamNotFoundError(streamId);
    return events;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<readonly RecordedEvent[]> {
    const batchSize = checkBatchSize(options.batchSize ?? DEFAULT_BATCH);
    const until = options.until ?? MAX_POSITION;
    let after = options.after ?? 0;
    for (;;) {
      this.ensureOpen();
      const batch = this.sql.readAfter(after, until, batchSize);
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].position;
      if (batch.length < batchSize) return;
    }
  }

  subscribe(after: number, batchSize = DEFAULT_BATCH): Observable<readonly RecordedEvent[]> {
    if (this.closed) return new Observable((subscriber) => subscriber.error(unavailable()));
    const source = {
      readAfter: (from: number, limit: number) => { this.ensureOpen(); return this.sql.readAfter(from, MAX_POSITION, limit); },
      committed$: this.committed$,
    };
    return catchUpThenLive(source, after, checkBatchSize(batchSize));
  }

  async headPosition(): Promise<number> {
    this.ensureOpen();
    return this.sql.headPosition();
  }

  /** Commits what is already queued, ends live subscriptions, and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopPolling?.();
    this.flush();
    this.committed$.complete();
    await this.checkpointer.close();
    this.db.close();
  }

  private flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    // Events are built for subscribers only if there are any: a bulk load without one skips that work.
    const keepWritten = this.committed$.observed;
    let outcomes: (AppendOutcome | { error: unknown })[];
    try {
      this.sql.begin.run();
      outcomes = group.map((request) => this.writeOne(request, keepWritten));
      this.sql.commit.run();
    } catch (error) {
      // Only the database itself fails here (disk full, I/O, lock timeout): nothing of the group is kept.
      if (this.db.isTransaction) this.sql.rollback.run();
      for (const request of group) request.reject(unavailable(error));
      return;
    }
    this.commits += 1;
    this.checkpointer.committed(outcomes.reduce((sum, outcome) => sum + ('bytes' in outcome ? outcome.bytes : 0), 0));
    const written: RecordedEvent[] = [];
    let head = this.published;
    group.forEach((request, i) => {
      const outcome = outcomes[i];
      if ('error' in outcome) return request.reject(outcome.error);
      written.push(...outcome.written);
      if (!outcome.result.duplicate) head = Math.max(head, outcome.result.position);
      request.resolve(outcome.result);
    });
    if (written.length > 0) this.publish(written);
    // With nobody listening only the mark moves on, so polling for a later subscriber starts after this commit.
    else this.published = head;
  }

  // Subscribers drop positions they already hold, so a commit seen both here and by a poll is delivered once.
  private publish(events: readonly RecordedEvent[]): void {
    this.published = Math.max(this.published, events[events.length - 1].position);
    if (this.committed$.observed) this.committed$.next(events);
  }

  private writeOne(request: QueuedAppend, keepWritten: boolean): AppendOutcome | { error: unknown } {
    this.sql.savepoint.run();
    try {
      const outcome = writeAppend(this.sql, request.streamId, request.events, request.expected, keepWritten);
      this.sql.release.run();
      return outcome;
    } catch (error) {
      this.sql.rollbackToSavepoint.run();
      this.sql.release.run();
      return { error };
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw unavailable();
  }
}

function unavailable(cause?: unknown): EventStoreUnavailableError {
  return new EventStoreUnavailableError(cause === undefined ? 'the store is closed' : String((cause as Error).message ?? cause));
}
