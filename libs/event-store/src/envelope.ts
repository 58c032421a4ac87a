/** Who did it: the authenticated principal behind a command. */
export interface Actor {
  readonly id: string;
  readonly role: string;
  /** The administrative unit the actor acts for (a commune or province code), if any. */
  readonly unit?: string;
}

/** The decision or directive a fact rests on (số, ngày, cơ quan ban hành). */
export interface LegalBasis {
  readonly number: string;
  readonly date: string;
  readonly issuer?: string;
  /** A directive of ours this fact cites, by its id, when there is one. */
  readonly directiveId?: string;
}

/** What every stored event carries besides its data (see docs/events.md). */
export interface EventMetadata {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** When the product accepted the command, ISO 8601 instant, taken from the clock at the edge. */
  readonly recordedAt: string;
  /** The calendar date the fact takes effect, where it has one (a decision date, a grant date). */
  readonly effectiveDate?: string;
  readonly legalBasis?: LegalBasis;
  /** Version of the event's data shape; also the suffix of its type name (`.v1`). */
  readonly schemaVersion: number;
  /** Hash of the command's request body when it came with an Idempotency-Key. */
  readonly requestHash?: string;
}

/** An event as handed to the store. Its id makes a retried append a no-op. */
export interface EventToAppend {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/**
 * An event as read back from the store. `data` and `metadata` may be getters that parse the
 * stored text on first access (the SQLite adapter's are): read the fields by name, and copy an
 * event by naming them too; a spread would drop those two. JSON gives every field.
 */
export interface RecordedEvent<Data = unknown> {
  readonly eventId: string;
  readonly streamId: string;
  /** 0-based position within its stream. */
  readonly revision: number;
  /** 1-based position in the whole log; strictly increasing, gaps allowed. */
  readonly position: number;
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** Hash of the previous event in the same stream (empty string for the first). */
  readonly prevHash: string;
  /** Hash of this event's content chained to `prevHash` (see `eventHash`). */
  readonly hash: string;
}
