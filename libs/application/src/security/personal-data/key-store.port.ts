/** When a household's key was destroyed: kept after the key is gone, so erasure is provable and final. */
export interface KeyTombstone {
  readonly destroyedAt: string;
}

/**
 * Per-household data keys (32 bytes, AES-256). Personal fields in events are encrypted
 * with them, so destroying a key erases those fields from an immutable log.
 * Adapters: memory (tests), file (embedded, node:sqlite), mongo (production).
 * Every adapter passes `keyStoreContract`.
 */
export interface KeyStore {
  /** The household's key, or undefined when it has none or it was destroyed. */
  getKey(householdId: string): Promise<Buffer | undefined>;
  /** The household's key, created on first use; fails with `PERSONAL_DATA_ERASED` once destroyed. */
  getOrCreateKey(householdId: string): Promise<Buffer>;
  /** Destroys the key, keeping a tombstone; idempotent. Undefined when the household never had a key. */
  destroyKey(householdId: string): Promise<KeyTombstone | undefined>;
  isDestroyed(householdId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Injection token for the configured `KeyStore`. */
export const KEY_STORE = Symbol('KeyStore');

/** Length of a data key in bytes. */
export const DATA_KEY_BYTES = 32;
