import type { Collection, Document, ReadStore } from '../../read-store.port';
import { MemoryCollection } from './memory-collection';

/**
 * The embedded read store: collections live in memory and are rebuilt from the event log at
 * start. Filters are evaluated with mingo, narrowed first by the declared hash indexes.
 */
export class MemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, MemoryCollection<Document>>();
  private readonly checkpoints = new Map<string, number>();
  private readonly aliases = new Map<string, string>();

  collection<D extends Document>(name: string): Collection<D> {
    let found = this.collections.get(name);
    if (!found) this.collections.set(name, (found = new MemoryCollection<Document>(name)));
    return found as unknown as Collection<D>;
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.checkpoints.get(projection) ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.checkpoints.set(projection, position);
  }

  async listCollections(): Promise<readonly string[]> {
    return [...this.collections.values()].filter((c) => c.exists).map((c) => c.name).sort();
  }

  async getAlias(alias: string): Promise<string | undefined> {
    return this.aliases.get(alias);
  }

  async setAlias(alias: string, collection: string): Promise<void> {
    this.aliases.set(alias, collection);
  }

  async close(): Promise<void> {
    // Nothing to release: the data lives only as long as the process.
  }
}
