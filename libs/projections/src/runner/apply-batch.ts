import { RecordedEvent } from '@pl/event-store';
import { Collection, Document, DocumentWrite } from '@pl/read-store';
import { Projection } from '../projection';
import { PoisonedEvent } from './poison';

export interface BatchOutcome {
  /** Last position the projection has fully applied (its next checkpoint). */
  readonly appliedThrough: number;
  readonly poisoned?: PoisonedEvent;
  readonly writes: number;
}

/**
 * Applies one batch of the log to one projection: loads every touched document in one call,
 * folds the events in order, writes the changed documents in one bulk call. Events at or
 * below a document's `_position` are skipped, so a batch applied twice changes nothing.
 */
export async function applyBatch<D extends Document>(
  projection: Projection<D>,
  collection: Collection<D>,
  events: readonly RecordedEvent[],
  after: number,
): Promise<BatchOutcome> {
  const relevant = events.filter((e) => e.position > after && projection.handles.has(e.type));
  const last = events.length ? events[events.length - 1].position : after;
  if (relevant.length === 0) return { appliedThrough: Math.max(after, last), writes: 0 };

  const keysByEvent = relevant.map((e) => projection.keys(e));
  const ids = [...new Set(keysByEvent.flat())];
  const loaded = await collection.getMany(ids);
  const working = new Map<string, D | null>();
  for (const id of ids) working.set(id, loaded.get(id) ?? null);
  const touched = new Set<string>();

  let poisoned: PoisonedEvent | undefined;
  let appliedThrough = Math.max(after, last);
  for (let i = 0; i < relevant.length; i++) {
    const event = relevant[i];
    try {
      const next = new Map<string, D | null>();
      for (const id of keysByEvent[i]) {
        const doc = working.get(id) ?? null;
        if (doc && doc._position >= event.position) continue;
        const draft = projection.evolve(doc, event, id);
        next.set(id, draft === null ? null : ({ ...draft, _id: id, _position: event.position } as D));
      }
      // Only after every document of the event evolved: an event applies whole or not at all.
      for (const [id, doc] of next) { working.set(id, doc); touched.add(id); }
    } catch (error) {
      poisoned = {
        projection: projection.name, position: event.position, eventId: event.eventId, type: event.type,
        error: error instanceof Error ? error.message : String(error),
      };
      appliedThrough = event.position - 1;
      break;
    }
  }

  const writes: DocumentWrite<D>[] = [];
  for (const id of touched) {
    const doc = working.get(id) ?? null;
    if (doc) writes.push({ kind: 'put', doc });
    else if (loaded.has(id)) writes.push({ kind: 'delete', _id: id, _position: appliedThrough });
  }
  if (writes.length) await collection.bulkWrite(writes);
  return { appliedThrough, poisoned, writes: writes.length };
}
