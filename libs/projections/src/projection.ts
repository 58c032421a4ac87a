import { RecordedEvent } from '@pl/event-store';
import { Document, IndexSpec } from '@pl/read-store';

/** A document as a projection produces it; the runner stamps `_position`. */
export type Draft<D extends Document> = Omit<D, '_position'>;

/** A document of the projection's own collection as it stood before the event being applied; null if none. */
export type Read<D extends Document> = (id: string) => D | null;

/**
 * A read model's projection: a pure function of events. For each event it names the
 * documents it touches (`keys`) and how each changes (`evolve`), and may read other documents
 * of its own collection (`reads`) to decide; it never reads the clock, randomness or another
 * service, so a replay of the same events gives the same documents.
 */
export interface Projection<D extends Document = Document> {
  /** Stable name, also the checkpoint's name: `household-registry`. */
  readonly name: string;
  /** Bump to rebuild: a new version builds into its own collection. */
  readonly version: number;
  /** Event types it handles; the runner passes it no others. */
  readonly handles: ReadonlySet<string>;
  readonly indexes: readonly IndexSpec[];
  /**
   * Ids of documents the projection reads, besides the ones it changes, to handle the event
   * (a household's standing, to count it in an area): loaded with the batch.
   */
  reads?(event: RecordedEvent): readonly string[];
  /**
   * True for a document that an event writes whole, whatever was stored under its id before
   * (`evolve` ignores `doc` and never returns null for it): the runner does not load it first.
   * A document per event (the audit index) is the case: a replay would otherwise look up a
   * million ids that cannot be there. Writing it again is harmless, as a store keeps the document
   * of the higher position.
   */
  writesWhole?(id: string): boolean;
  /** Ids of the documents the event changes; it may look at the documents `reads` names, and only at those. */
  keys(event: RecordedEvent, read: Read<D>): readonly string[];
  /**
   * The document after the event; `null` deletes it. A new object each time (the runner stamps
   * `_id` and `_position` on it), or the given document itself when the event changes nothing.
   */
  evolve(doc: D | null, event: RecordedEvent, id: string, read: Read<D>): Draft<D> | null;
}

/** The collection a projection version writes to. */
export const collectionOf = (projection: Pick<Projection, 'name' | 'version'>): string =>
  `${projection.name}_v${projection.version}`;
