import { RecordedEvent } from '@pl/event-store';
import { Document } from '@pl/read-store';
import { Draft, Projection, Read } from '../projection';

/** Documents being folded: `null` for an id known to hold no document. */
export type Working<D extends Document> = Map<string, D | null>;

/** What a projection reads while folding: the working documents, before the event being applied. */
export const readerOf = <D extends Document>(working: Working<D>): Read<D> => (id) => working.get(id) ?? null;

/**
 * Applies one event to the working documents: each document it names evolves from its state
 * before the event, and only once every one has, the changes land, so an event applies whole or
 * not at all (a throw leaves `working` as it was). Documents at or past the event's position
 * are left alone. Returns the ids it changed.
 */
export function foldEvent<D extends Document>(
  projection: Projection<D>, working: Working<D>, event: RecordedEvent,
  read: Read<D> = readerOf(working), ids: readonly string[] = projection.keys(event, read),
): readonly string[] {
  // Most events change one document: nothing to hold back until the others have evolved.
  if (ids.length === 1) {
    const id = ids[0];
    const doc = working.get(id) ?? null;
    if (doc && doc._position >= event.position) return NONE;
    const draft = projection.evolve(doc, event, id, read);
    working.set(id, draft === null ? null : stamped(draft, doc, id, event.position));
    return ids;
  }
  const changed: string[] = [];
  const next: (D | null)[] = [];
  for (const id of ids) {
    const doc = working.get(id) ?? null;
    if (doc && doc._position >= event.position) continue;
    const draft = projection.evolve(doc, event, id, read);
    changed.push(id);
    next.push(draft === null ? null : stamped(draft, doc, id, event.position));
  }
  for (let i = 0; i < changed.length; i++) working.set(changed[i], next[i]);
  return changed;
}

const NONE: readonly string[] = Object.freeze([]);

/** Folds events through a projection into a map of documents, as the runner does: for replays into scratch space and for specs. */
export function foldAll<D extends Document>(projection: Projection<D>, events: Iterable<RecordedEvent>, docs: Map<string, D> = new Map()): Map<string, D> {
  const working: Working<D> = docs as Working<D>;
  for (const event of events) if (projection.handles.has(event.type)) foldEvent(projection, working, event);
  for (const [id, doc] of working) if (doc === null) docs.delete(id);
  return docs;
}

/**
 * The draft as a document of this id at this position. A draft is a fresh object (the
 * projection's contract), stamped in place; a document handed back unchanged is copied, so
 * an event that fails on another document leaves it as it was. Either way the keys keep the
 * order a spread gives them.
 */
function stamped<D extends Document>(draft: Draft<D>, previous: D | null, id: string, position: number): D {
  if (draft === previous || Object.isFrozen(draft)) return { ...draft, _id: id, _position: position } as unknown as D;
  const doc = draft as unknown as { _id: string; _position: number };
  doc._id = id;
  doc._position = position;
  return doc as unknown as D;
}
