/** A bounded least-recently-used cache of data keys with a time to live. */
export class KeyCache {
  private readonly entries = new Map<string, { key: Buffer; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(householdId: string): Buffer | undefined {
    const entry = this.entries.get(householdId);
    if (!entry) return undefined;
    this.entries.delete(householdId);
    if (entry.expiresAt <= this.clock()) return undefined;
    this.entries.set(householdId, entry); // re-inserted last: Map order is the recency order
    return entry.key;
  }

  set(householdId: string, key: Buffer): void {
    this.entries.delete(householdId);
    this.entries.set(householdId, { key, expiresAt: this.clock() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.drop(oldest);
    }
  }

  drop(householdId: string): void {
    this.entries.get(householdId)?.key.fill(0);
    this.entries.delete(householdId);
  }

  get size(): number {
    return this.entries.size;
  }
}
