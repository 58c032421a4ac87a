import { randomUUID } from 'node:crypto';
import {
  ANCHOR_STREAM, Actor, EventStore, LogAnchored, LogHashState, WrongExpectedRevisionError, anchorEvent, computeLogHash, latestAnchor,
} from '@pl/event-store';

const ATTEMPTS = 5;

/** What an anchoring did: the anchor and where it was stored. */
export interface AnchorResult {
  readonly anchor: LogAnchored;
  readonly anchorPosition: number;
}

/**
 * Anchors the log at its current head: the log hash continues from the latest anchor, so
 * only events since then are read. Another writer's anchor in between is retried against.
 */
export async function anchorLog(store: EventStore, actor: Actor, now: () => Date = () => new Date()): Promise<AnchorResult> {
  for (let attempt = 1; ; attempt++) {
    const latest = await latestAnchor(store);
    const from: LogHashState | undefined = latest.anchor && { position: latest.anchor.position, logHash: latest.anchor.logHash, eventCount: latest.anchor.eventCount };
    const state = await computeLogHash(store, from);
    const event = anchorEvent(state, now(), randomUUID(), actor);
    try {
      const result = await store.append(ANCHOR_STREAM, [event], latest.revision < 0 ? 'no-stream' : latest.revision);
      return { anchor: event.data as LogAnchored, anchorPosition: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
