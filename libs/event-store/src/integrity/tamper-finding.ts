/** What kind of damage a verification found. */
export type TamperKind = 'changed' | 'removed' | 'inserted' | 'reordered' | 'chain-broken' | 'anchor-mismatch';

/** The first place the log stops being what was written, named precisely. */
export interface TamperFinding {
  readonly kind: TamperKind;
  /** Log position where the damage shows. */
  readonly position: number;
  readonly streamId: string;
  /** The revision concerned (for `removed`, the first missing one). */
  readonly revision: number;
  /** The event at `position` (for `inserted`, the inserted event). */
  readonly eventId: string;
  readonly message: string;
}

/** The outcome of one verification. */
export interface VerificationReport {
  readonly ok: boolean;
  readonly finding?: TamperFinding;
  /** Events read and checked (anchors included). */
  readonly events: number;
  readonly streams: number;
  /** Anchors compared with the recomputed log hash (stored ones and an external one). */
  readonly anchorsChecked: number;
  /** The log hash and count through the last event checked; undefined for a single stream. */
  readonly logHash?: string;
  readonly logEventCount?: number;
  readonly lastPosition: number;
  readonly seconds: number;
}
