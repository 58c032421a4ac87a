import { hash } from 'node:crypto';

/** The stream anchors are appended to; its own events are left out of the log hash. */
export const ANCHOR_STREAM = 'audit-anchors';

/** Stored type of an anchor. */
export const LOG_ANCHORED = 'LogAnchored.v1';

/** An anchor: the running hash of the whole log through `position`, over `eventCount` events. */
export interface LogAnchored {
  /** Last log position the anchor covers (anchors cover only positions before themselves). */
  readonly position: number;
  readonly logHash: string;
  readonly eventCount: number;
  readonly anchoredAt: string;
}

/** How the log hash is computed, written into every exported anchor so a verifier can be rebuilt from it. */
export const LOG_HASH_ALGORITHM =
  'L_0 = "" (empty); for each event in position order, except events of stream "audit-anchors": ' +
  'L_p = hex(sha256(utf8(L_{p-1} + hash_p))), where hash_p = hex(sha256(utf8(prevHash \\n streamId \\n revision \\n eventId \\n type \\n ' +
  'data \\n metadata))), data and metadata being the JSON text stored for the event, and prevHash the hash of the previous event ' +
  'of the same stream ("" for the first).';

/** The running log hash after one more event. */
export function nextLogHash(logHash: string, eventHash: string): string {
  return hash('sha256', logHash + eventHash);
}

/** Whether an event of `streamId` is folded into the log hash. */
export const isAnchored = (streamId: string): boolean => streamId !== ANCHOR_STREAM;

/** Whether a stored value has the shape of an anchor's data. */
export function isLogAnchored(value: unknown): value is LogAnchored {
  const v = value as Partial<LogAnchored> | null;
  return typeof v === 'object' && v !== null && Number.isSafeInteger(v.position) && typeof v.logHash === 'string'
    && Number.isSafeInteger(v.eventCount) && typeof v.anchoredAt === 'string';
}
