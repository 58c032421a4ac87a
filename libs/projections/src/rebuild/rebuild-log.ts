import { ReadStore } from '@pl/read-store';
import { REBUILDS, RebuildRecord } from './rebuild-record';

type Unsaved = Omit<RebuildRecord, '_position'> & { readonly _position?: number };

/**
 * Rebuild records in the read store (`rebuilds`). Saves go one after another and each raises
 * `_position`, the store's write guard, so the last save always wins.
 */
export class RebuildLog {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: ReadStore) {}

  async load(id: string): Promise<RebuildRecord | undefined> {
    await this.chain;
    return this.store.collection<RebuildRecord>(REBUILDS).get(id);
  }

  /** Every rebuild, oldest id first. */
  async list(): Promise<RebuildRecord[]> {
    await this.chain;
    const records: RebuildRecord[] = [];
    for await (const record of this.store.collection<RebuildRecord>(REBUILDS).findAll()) records.push(record);
    return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a._id.localeCompare(b._id));
  }

  /** Stores the record as the next revision of itself; resolves with what was stored. */
  save(record: Unsaved): Promise<RebuildRecord> {
    const saved = this.chain.then(async () => {
      const collection = this.store.collection<RebuildRecord>(REBUILDS);
      const stored = await collection.get(record._id);
      const next = { ...record, _position: (stored?._position ?? 0) + 1 } as RebuildRecord;
      await collection.bulkWrite([{ kind: 'put', doc: next }]);
      return next;
    });
    this.chain = saved.catch(() => undefined);
    return saved;
  }

  /** A collection name no read model and no earlier rebuild has used: `<name>_v<n>`, else `<name>_v<n>_b<k>`. */
  async freshCollection(name: string, version: number): Promise<string> {
    const taken = new Set([...(await this.store.listCollections()), ...(await this.list()).map((r) => r.toCollection)]);
    const base = `${name}_v${version}`;
    if (!taken.has(base)) return base;
    for (let k = 1; ; k++) if (!taken.has(`${base}_b${k}`)) return `${base}_b${k}`;
  }
}
