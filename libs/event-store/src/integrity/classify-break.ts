import { RecordedEvent } from '../envelope';
import { eventHash } from '../hash';
import { RawBreak } from './chain-verifier';
import { TamperFinding } from './tamper-finding';

/** The rest of the log, as a classifier looks at it once a break is found. */
export interface LogLookup {
  /** The stored event of a stream at a revision, wherever it sits in the log. */
  eventAt(streamId: string, revision: number): Promise<RecordedEvent | undefined>;
  /** Every stored event in position order. */
  all(): AsyncIterable<readonly RecordedEvent[]>;
}

/**
 * Names a break precisely: a missing revision stored later in the log was reordered, not
 * removed; content that fits another event's slot (its place and hash) was moved there from,
 * not merely changed.
 */
export async function classifyBreak(found: RawBreak, lookup: LogLookup): Promise<TamperFinding> {
  const { suspect, ...finding } = found;
  if (suspect === 'gap') {
    const missing = await lookup.eventAt(found.streamId, found.revision);
    if (missing && missing.position > found.position) {
      return { ...finding, kind: 'reordered', message: `revision ${found.revision} of ${found.streamId} (event ${missing.eventId}) was moved after revision ${missing.revision + 1}: it sits at position ${missing.position}, the log has position ${found.position} first` };
    }
    return finding;
  }
  if (suspect !== 'content') return finding;
  const moved = await lookup.eventAt(found.streamId, found.revision);
  if (!moved) return finding;
  const home = await slotOf(moved, lookup);
  if (!home) return finding;
  return {
    ...finding,
    kind: 'reordered',
    message: `the content at position ${found.position} (revision ${found.revision} of ${found.streamId}) is event ${moved.eventId}, written at position ${home.position} (revision ${home.revision} of ${home.streamId}): stored events were swapped`,
  };
}

/** The stored place whose hash the content fits, other than where it is now. */
async function slotOf(content: RecordedEvent, lookup: LogLookup): Promise<RecordedEvent | undefined> {
  for await (const batch of lookup.all()) {
    for (const slot of batch) {
      if (slot.position === content.position) continue;
      if (eventHash(slot.prevHash, slot.streamId, slot.revision, content) === slot.hash) return slot;
    }
  }
  return undefined;
}
