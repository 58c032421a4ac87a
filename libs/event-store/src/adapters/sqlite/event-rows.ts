import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { EventMetadata, RecordedEvent } from '../../envelope';
import { EventStoreUnavailableError } from '../../errors';
import { eventIdKey } from './schema';

const CONTENT = 'position, stream_id, revision, event_id, type, data, metadata';
const COLUMNS = `${CONTENT}, prev_hash, hash`;

/** A row of `events` as node:sqlite returns it in array mode (column order of COLUMNS; CONTENT leaves the hashes out). */
type EventRow = [number, string, number, string, string, string, string, string?, string?];

/** The last event of a stream: what an append checks and chains to. */
export interface StreamTail {
  readonly revision: number;
  readonly position: number;
  readonly hash: string;
}

/** Every statement the store runs, prepared once per connection. */
export class EventStatements {
  readonly begin: StatementSync;
  readonly commit: StatementSync;
  readonly rollback: StatementSync;
  readonly savepoint: StatementSync;
  readonly release: StatementSync;
  readonly rollbackToSavepoint: StatementSync;
  readonly insert: StatementSync;
  private readonly tailOf: StatementSync;
  private readonly locate: StatementSync;
  private readonly reusedIdIn: StatementSync;
  private readonly streamFrom: StatementSync;
  private readonly streamSlice: StatementSync;
  private readonly after: StatementSync;
  private readonly chainIn: StatementSync;
  private readonly head: StatementSync;

  constructor(db: DatabaseSync) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT append_one');
    this.release = db.prepare('RELEASE append_one');
    this.rollbackToSavepoint = db.prepare('ROLLBACK TO append_one');
    this.insert = db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, id_key, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.tailOf = db.prepare('SELECT revision, position, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
    this.locate = db.prepare('SELECT revision, event_id AS eventId FROM events WHERE stream_id = ? AND id_key = ?');
    // Each row of the range looks its key up in its stream's id index; its own entry is skipped by
    // position without reading the row, so only a real key collision costs a row read.
    this.reusedIdIn = db.prepare(
      `SELECT added.event_id AS eventId FROM events AS added
       JOIN events AS other ON other.stream_id = added.stream_id AND other.id_key = added.id_key
         AND other.position <> added.position AND other.event_id = added.event_id
       WHERE added.position BETWEEN ? AND ? ORDER BY added.position LIMIT 1`,
    );
    this.streamFrom = arrays(db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`));
    this.streamSlice = arrays(db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`));
    // Log-order reads leave the chain hashes to a second query on first use (see ChainOfRead).
    this.after = arrays(db.prepare(`SELECT ${CONTENT} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`));
    this.chainIn = arrays(db.prepare('SELECT prev_hash, hash FROM events WHERE position BETWEEN ? AND ? ORDER BY position'));
    this.head = db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events');
  }

  tail(streamId: string): StreamTail | undefined {
    return this.tailOf.get(streamId) as StreamTail | undefined;
  }

  /** The revision of an event id in a stream, if the stream has it. */
  revisionOf(streamId: string, eventId: string): number | undefined {
    const candidates = this.locate.all(streamId, eventIdKey(eventId)) as { revision: number; eventId: string }[];
    return candidates.find((c) => c.eventId === eventId)?.revision;
  }

  /**
   * The first event id among positions `from..to` (one append, so one stream) that its stream
   * holds at any other position, in that range or before it: one query for a whole append
   * instead of a lookup per event.
   */
  reusedId(from: number, to: number): string | undefined {
    return (this.reusedIdIn.get(from, to) as { eventId: string } | undefined)?.eventId;
  }

  readStream(streamId: string, fromRevision: number, limit?: number): RecordedEvent[] {
    const rows = limit === undefined ? this.streamFrom.all(streamId, fromRevision) : this.streamSlice.all(streamId, fromRevision, limit);
    return toEvents(rows);
  }

  readAfter(after: number, until: number, limit: number): RecordedEvent[] {
    return toEvents(this.after.all(after, until, limit), this.chainIn);
  }

  headPosition(): number {
    return (this.head.get() as { head: number }).head;
  }
}

function arrays(statement: StatementSync): StatementSync {
  // Array rows skip building a keyed object per row: measurably faster on long reads.
  statement.setReturnArrays(true);
  return statement;
}

/** Events from rows; rows without hashes (CONTENT) get them from `chainIn` when first asked. */
function toEvents(rows: readonly unknown[], chainIn?: StatementSync): RecordedEvent[] {
  const events = new Array<StoredEvent>(rows.length);
  const chain = chainIn && rows.length ? new ChainOfRead(chainIn, events) : undefined;
  for (let i = 0; i < rows.length; i++) {
    const [position, streamId, revision, eventId, type, data, metadata, prevHash, hash] = rows[i] as EventRow;
    events[i] = new StoredEvent(position, streamId, revision, eventId, type, data, metadata, prevHash, hash, chain);
  }
  return events;
}

/**
 * An event as readers see it, from its stored text: what a read returns and what an append
 * publishes to live subscribers alike.
 *
 * A replay reads every row, but most readers never look at metadata and a projection skips the
 * data of types it does not handle: both are parsed on first access, by getters of the class.
 * A class instance costs about a sixth of an object literal with its own getters (one closure
 * pair per event, and a dictionary-mode object): on a replay of a million events that was more
 * than half a gigabyte of garbage. `toJSON` gives JSON the plain event; code that copies an event
 * names its fields (`data` and `metadata` are not own properties).
 */
export function storedEvent(
  position: number, streamId: string, revision: number, eventId: string, type: string,
  rawData: string, rawMetadata: string, prevHash: string, hash: string,
): RecordedEvent {
  return new StoredEvent(position, streamId, revision, eventId, type, rawData, rawMetadata, prevHash, hash);
}

const UNPARSED = Symbol('unparsed');

class StoredEvent implements RecordedEvent {
  readonly #rawData: string;
  readonly #rawMetadata: string;
  #data: unknown = UNPARSED;
  #metadata: EventMetadata | undefined;
  #prevHash: string | undefined;
  #hash: string | undefined;
  #chain: ChainOfRead | undefined;

  constructor(
    readonly position: number, readonly streamId: string, readonly revision: number, readonly eventId: string, readonly type: string,
    rawData: string, rawMetadata: string, prevHash: string | undefined, hash: string | undefined, chain?: ChainOfRead,
  ) {
    this.#rawData = rawData;
    this.#rawMetadata = rawMetadata;
    this.#prevHash = prevHash;
    this.#hash = hash;
    this.#chain = chain;
  }

  get prevHash(): string {
    if (this.#prevHash === undefined) this.#chain?.load();
    return this.#prevHash as string;
  }

  get hash(): string {
    if (this.#hash === undefined) this.#chain?.load();
    return this.#hash as string;
  }

  /** Gives events read without their hashes the rows of `prev_hash, hash` read for them, in order. */
  static chained(events: readonly StoredEvent[], hashes: readonly unknown[]): void {
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      [event.#prevHash, event.#hash] = hashes[i] as [string, string];
      event.#chain = undefined;
    }
  }

  get data(): unknown {
    return this.#data === UNPARSED ? (this.#data = JSON.parse(this.#rawData)) : this.#data;
  }

  get metadata(): EventMetadata {
    return (this.#metadata ??= JSON.parse(this.#rawMetadata) as EventMetadata);
  }

  toJSON(): RecordedEvent {
    const { position, streamId, revision, eventId, type, data, metadata, prevHash, hash } = this;
    return { position, streamId, revision, eventId, type, data, metadata, prevHash, hash };
  }
}

/**
 * The chain hashes of one log-order read, loaded for all its events the first time any of them
 * is asked for one. A replay reads every event and never looks at hashes: two 64-character
 * strings per event were about a fifth of the read's time. Readers that do
 * want them (verification, anchoring, export) pay one range query per read batch. The log is
 * append-only, so the rows of positions `first..last` are the read's events, in order. Until
 * then an event kept by a reader keeps the other events of its read with it (one batch).
 */
class ChainOfRead {
  #events: readonly StoredEvent[] | undefined;

  /** `events` is filled by the caller before any is handed out. */
  constructor(private readonly statement: StatementSync, events: readonly StoredEvent[]) {
    this.#events = events;
  }

  load(): void {
    const events = this.#events;
    if (!events) return;
    let rows: unknown[];
    try {
      rows = this.statement.all(events[0].position, events[events.length - 1].position);
    } catch (error) {
      throw new EventStoreUnavailableError(`cannot read the chain hashes of events ${events[0].position}..${events[events.length - 1].position}: ${(error as Error).message}`);
    }
    if (rows.length !== events.length) throw new Error(`events ${events[0].position}..${events[events.length - 1].position}: ${rows.length} rows hold hashes for ${events.length} events read`);
    StoredEvent.chained(events, rows);
    this.#events = undefined;
  }
}
