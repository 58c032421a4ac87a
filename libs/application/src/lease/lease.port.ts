/**
 * A time-bound claim that makes one instance of a group active. Holding it past `expiresAt`
 * without renewal lets another instance take over, so a dead holder is replaced by itself.
 */
export interface Lease {
  /** Takes the lease when free or expired, or renews it when this owner holds it; true when held afterwards. */
  tryAcquire(): Promise<boolean>;
  /** Gives the lease up at once when this owner holds it, so a standby need not wait for expiry. */
  release(): Promise<void>;
  /** Who holds the lease now, if anyone and not expired. */
  holder(): Promise<string | undefined>;
}

export interface LeaseOptions {
  /** The projector group the lease is for: one active instance per group. */
  readonly group: string;
  /** This instance's name (host name and process id, for example). */
  readonly owner: string;
  /** How long a lease lasts without renewal. */
  readonly ttlMs: number;
  readonly now?: () => number;
}
