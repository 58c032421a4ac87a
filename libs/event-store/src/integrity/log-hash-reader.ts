import { Actor, EventToAppend, RecordedEvent } from '../envelope';
import { EventStore } from '../event-store.port';
import { StreamNotFoundError } from '../errors';
import { ANCHOR_STREAM, LOG_ANCHORED, LogAnchored, isAnchored, isLogAnchored, nextLogHash } from './anchor';

/** The log hash through a position: where anchoring resumes. */
export interface LogHashState {
  readonly position: number;
  readonly logHash: string;
  readonly eventCount: number;
}

/** The latest stored anchor and the anchor stream's revision, or undefined when none was written. */
export interface LatestAnchor {
  readonly anchor?: LogAnchored;
  /** Revision of the anchor stream's last event, -1 when it has none: what the next anchor expects. */
  readonly revision: number;
}

/** Reads the anchor stream's last anchor. */
export async function latestAnchor(store: EventStore): Promise<LatestAnchor> {
  let events: readonly RecordedEvent[];
  try {
    events = await store.readStream(ANCHOR_STREAM);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { revision: -1 };
    throw error;
  }
  const last = events[events.length - 1];
  const anchor = [...events].reverse().find((e) => e.type === LOG_ANCHORED && isLogAnchored(e.data));
  return { revision: last ? last.revision : -1, ...(anchor ? { anchor: anchor.data as LogAnchored } : {}) };
}

/** Folds one event into the log hash; anchors themselves are left out. */
export function foldEvent(state: LogHashState, event: Pick<RecordedEvent, 'position' | 'streamId' | 'hash'>): LogHashState {
  if (!isAnchored(event.streamId) || event.position <= state.position) return state;
  return { position: event.position, logHash: nextLogHash(state.logHash, event.hash), eventCount: state.eventCount + 1 };
}

/** The log hash through `until` (the head by default), continuing from `from` (the latest anchor) or the start. */
export async function computeLogHash(store: EventStore, from?: LogHashState, until?: number): Promise<LogHashState> {
  let state: LogHashState = from ?? { position: 0, logHash: '', eventCount: 0 };
  const head = until ?? (await store.headPosition());
  for await (const batch of store.readAll({ after: state.position, until: head, batchSize: 1000 })) {
    for (const event of batch) state = foldEvent(state, event);
  }
  return state;
}

/** The anchor event for a log hash state. */
export function anchorEvent(state: LogHashState, anchoredAt: Date, eventId: string, actor: Actor): EventToAppend {
  const recordedAt = anchoredAt.toISOString();
  const data: LogAnchored = { position: state.position, logHash: state.logHash, eventCount: state.eventCount, anchoredAt: recordedAt };
  return {
    eventId,
    type: LOG_ANCHORED,
    data,
    metadata: { commandId: eventId, correlationId: eventId, causationId: eventId, actor, recordedAt, schemaVersion: 1 },
  };
}
