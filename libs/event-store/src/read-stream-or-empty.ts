import { RecordedEvent } from './envelope';
import { EventStore } from './event-store.port';
import { StreamNotFoundError } from './errors';

/** A stream's events from `fromRevision` on, none when the stream has no events: what a decider folds from. */
export async function readStreamOrEmpty(store: EventStore, streamId: string, fromRevision = 0): Promise<readonly RecordedEvent[]> {
  try {
    return await store.readStream(streamId, fromRevision);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
