import { RecordedEvent } from '@pl/event-store';
import { Collection, Document, DocumentWrite } from '@pl/read-store';
import { Projection } from '../projection';
import { Working, foldEvent, readerOf } from './fold';
import { PoisonedEvent } from './poison';

export interface BatchOutcome {
  /** Last position the projection has fully applied (its next checkpoint). */
  readonly appliedThrough: number;
  readonly poisoned?: PoisonedEvent;
  readonly writes: number;
}

/**
 * Applies one batch of the log to one projection: loads the documents the batch touches and
 * reads in one call, folds the events in order, writes the changed documents in one bulk call.
 * Events at or below a document's `_position` are skipped, so a batch applied twice changes nothing.
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

  const working: Working<D> = new Map();
  const loaded = new Map<string, D>();
  const whole = projection.writesWhole?.bind(projection);
  const load = async (ids: Iterable<string>) => {
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (working.has(id)) continue;
      // Written whole: known to start from nothing, so never looked up.
      if (whole?.(id)) working.set(id, null);
      else missing.push(id);
    }
    if (missing.length === 0) return;
    const found = await collection.getMany(missing);
    for (const id of missing) {
      const doc = found.get(id);
      working.set(id, doc ?? null);
      if (doc) loaded.set(id, doc);
    }
  };
  // One load for the batch: what it reads first, then what it changes as those documents tell.
  // An event that cannot name its documents is left to the fold below, which stops at it.
  const read = readerOf(working);
  const named = (names: (event: RecordedEvent) => readonly string[] | undefined) => relevant.map((event) => {
    try { return names(event); } catch { return undefined; }
  });
  const reads = projection.reads?.bind(projection);
  if (reads) await load(named(reads).flatMap((ids) => ids ?? []));
  const guessed = named((event) => projection.keys(event, read));
  await load(guessed.flatMap((ids) => ids ?? []));

  const touched = new Set<string>();
  let poisoned: PoisonedEvent | undefined;
  let appliedThrough = Math.max(after, last);
  for (let i = 0; i < relevant.length; i++) {
    const event = relevant[i];
    try {
      // Without reads, keys come from the event alone: the guess is the answer. With them, keys
      // follow documents changed earlier in this batch and may name one not loaded yet.
      const ids = (reads ? undefined : guessed[i]) ?? projection.keys(event, read);
      if (!allIn(working, ids)) await load(ids);
      for (const id of foldEvent(projection, working, event, read, ids)) touched.add(id);
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

function allIn(working: Working<Document>, ids: readonly string[]): boolean {
  for (const id of ids) if (!working.has(id)) return false;
  return true;
}
