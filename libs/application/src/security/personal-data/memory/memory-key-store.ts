import { randomBytes } from 'node:crypto';
import { personalDataErased } from '../errors';
import { DATA_KEY_BYTES, KeyStore, KeyTombstone } from '../key-store.port';

/** Keys in process memory, unwrapped: for tests and throwaway demos only. */
export class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly tombstones = new Map<string, KeyTombstone>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async getKey(householdId: string): Promise<Buffer | undefined> {
    const key = this.keys.get(householdId);
    return key && Buffer.from(key);
  }

  async getOrCreateKey(householdId: string): Promise<Buffer> {
    const tombstone = this.tombstones.get(householdId);
    if (tombstone) throw personalDataErased(householdId, tombstone.destroyedAt);
    let key = this.keys.get(householdId);
    if (!key) {
      key = randomBytes(DATA_KEY_BYTES);
      this.keys.set(householdId, key);
    }
    return Buffer.from(key);
  }

  async destroyKey(householdId: string): Promise<KeyTombstone | undefined> {
    const existing = this.tombstones.get(householdId);
    if (existing) return existing;
    const key = this.keys.get(householdId);
    if (!key) return undefined;
    key.fill(0);
    this.keys.delete(householdId);
    const tombstone = { destroyedAt: this.now().toISOString() };
    this.tombstones.set(householdId, tombstone);
    return tombstone;
  }

  async isDestroyed(householdId: string): Promise<boolean> {
    return this.tombstones.has(householdId);
  }

  async close(): Promise<void> {}
}
