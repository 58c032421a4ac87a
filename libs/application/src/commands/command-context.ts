import { Actor } from '@pl/event-store';

/** Who asks, when, and under which ids: everything a command's events carry besides their data. */
export interface CommandContext {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** ISO instant the command was accepted, from the clock at the edge. */
  readonly recordedAt: string;
  /** Set when the request carried an Idempotency-Key: event ids then derive from the command id. */
  readonly idempotent: boolean;
  readonly requestHash?: string;
}

/** The answer to every write: where its last event landed, for read-your-writes. */
export interface WriteResult {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  /** True when a retry of the same command found its events already stored. */
  readonly replayed: boolean;
}
