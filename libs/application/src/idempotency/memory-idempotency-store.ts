import { IdempotencyRecord, IdempotencyStore } from './idempotency.port';

/** Idempotency records in memory, for tests. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  async get(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.records.get(`${scope}\u0000${key}`);
  }

  async put(record: IdempotencyRecord): Promise<void> {
    const id = `${record.scope}\u0000${record.key}`;
    if (!this.records.has(id)) this.records.set(id, record);
  }

  async close(): Promise<void> {}
}
