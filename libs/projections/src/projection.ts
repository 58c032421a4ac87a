import { RecordedEvent } from '@pl/event-store';
import { Document, IndexSpec } from '@pl/read-store';

/** A document as a projection produces it; the runner stamps `_position`. */
export type Draft<D extends Document> = Omit<D, '_position'>;

/**
 * A read model's projection: a pure function of events. For each event it names the
 * documents it touches (`keys`) and how each changes (`evolve`); it never reads the clock,
 * randomness or another service, so a replay of the same events gives the same documents.
 */
export interface Projection<D extends Document = Document> {
  /** Stable name, also the checkpoint's name: `household-registry`. */
  readonly name: string;
  /** Bump to rebuild: a new version builds into its own collection. */
  readonly version: number;
  /** Event types it handles; the runner passes it no others. */
  readonly handles: ReadonlySet<string>;
  readonly indexes: readonly IndexSpec[];
  /** Ids of the documents the event changes. */
  keys(event: RecordedEvent): readonly string[];
  /** The document after the event; `null` deletes it. */
  evolve(doc: D | null, event: RecordedEvent, id: string): Draft<D> | null;
}

/** The collection a projection version writes to. */
export const collectionOf = (projection: Pick<Projection, 'name' | 'version'>): string =>
  `${projection.name}_v${projection.version}`;
