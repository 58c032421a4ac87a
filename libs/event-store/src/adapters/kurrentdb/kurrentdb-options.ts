/** How the KurrentDB adapter talks to the server and how hard it tries before giving up. */
export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false`, as `KurrentDBClient.connectionString` reads it. */
  readonly connectionString: string;
  /**
   * Prefix of every stream this store writes and reads, so several logs can share one server
   * (a test per namespace, a training copy beside production). Empty by default.
   */
  readonly namespace?: string;
  /** Deadline of each call in milliseconds; a call past it fails with EventStoreUnavailableError. */
  readonly deadlineMs?: number;
  /** Attempts of an append whose stream moved between reading its tail and writing (`any`, `stream-exists`). */
  readonly maxAppendAttempts?: number;
  /** How a subscription comes back after a transient failure. */
  readonly resubscribe?: Partial<BackoffPolicy>;
}

/** Exponential backoff, bounded: the n-th consecutive failure waits min(initialMs * 2^(n-1), maxMs). */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Consecutive failures after which the subscription errors instead of trying again. */
  readonly maxFailures: number;
}

export const DEFAULT_DEADLINE_MS = 10_000;
// Twenty writers racing on one stream need up to twenty rounds; leave room above that.
export const DEFAULT_APPEND_ATTEMPTS = 50;
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 5_000, maxFailures: 8 };

/** Milliseconds to wait before the next attempt after `failures` consecutive failures. */
export function backoffDelay(policy: BackoffPolicy, failures: number): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failures - 1));
}
