import { EventMetadata, RecordedEvent } from '@pl/event-store';
import { Document } from '@pl/read-store';
import { Projection } from '../../projection';

/** Folds events through a projection as the runner does (keys, evolve, `_position` stamped), for given/when/then specs. */
export function project<D extends Document>(projection: Projection<D>, events: readonly { type: string; data: unknown }[]): Map<string, D> {
  const docs = new Map<string, D>();
  events.forEach((event, i) => {
    if (!projection.handles.has(event.type)) return;
    const metadata = { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'r' }, recordedAt: '', schemaVersion: 1 } as unknown as EventMetadata;
    const recorded: RecordedEvent = { eventId: `e-${i}`, streamId: 's', revision: i, position: i + 1, type: event.type, data: event.data, metadata, prevHash: '', hash: '' };
    for (const id of projection.keys(recorded)) {
      const next = projection.evolve(docs.get(id) ?? null, recorded, id);
      if (next === null) docs.delete(id);
      else docs.set(id, { ...next, _id: id, _position: recorded.position } as D);
    }
  });
  return docs;
}
