import { START } from '@kurrent/kurrentdb-client';
import type { Position, ReadPosition } from '@kurrent/kurrentdb-client';

/**
 * Our positions are KurrentDB commit positions: byte offsets in the server's transaction log,
 * strictly increasing along $all but with gaps. A JavaScript number holds them exactly up to
 * 2^53 bytes (8 PiB of log), far beyond any registry; past that we refuse rather than round.
 * Each event appended outside an explicit transaction (the only kind gRPC offers) has its own
 * commit position, equal to its prepare position, so one number identifies one event.
 */
export function toPosition(value: bigint): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`log position ${value} is outside the range a JavaScript number holds exactly`);
  }
  return Number(value);
}

/** Where a read of $all starts to see events after `after` (reads include the event at their start). */
export function readFrom(after: number): ReadPosition {
  if (after <= 0) return START;
  const at = BigInt(Math.floor(after));
  return { commit: at, prepare: at };
}

/** The commit position of an event as the client reports it, or an error naming the server version needed. */
export function commitOf(position: Position | undefined): number {
  // Stream reads carry the $all position only from server 22.6 on.
  if (!position) throw new Error('the server did not report a log position; KurrentDB / EventStoreDB 22.6 or later is required');
  return toPosition(position.commit);
}
