import { EventMetadata, RecordedEvent } from '@pl/event-store';
import { Document } from '@pl/read-store';
import { Projection } from '../../projection';
import { foldAll } from '../../runner/fold';

/** Folds events through a projection as the runner does (keys, evolve, `_position` stamped), for given/when/then specs. */
export function project<D extends Document>(projection: Projection<D>, events: readonly { type: string; data: unknown }[]): Map<string, D> {
  const metadata = { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'r' }, recordedAt: '', schemaVersion: 1 } as unknown as EventMetadata;
  const recorded = events.map((event, i): RecordedEvent => ({ eventId: `e-${i}`, streamId: 's', revision: i, position: i + 1, type: event.type, data: event.data, metadata, prevHash: '', hash: '' }));
  return foldAll(projection, recorded);
}
