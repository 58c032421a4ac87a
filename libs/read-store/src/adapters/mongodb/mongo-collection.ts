import type { Collection as DriverCollection, Filter as DriverFilter, Sort, WriteConcernSettings } from 'mongodb';
import type {
  Collection,
  Document,
  DocumentWrite,
  Filter,
  IndexSpec,
  Page,
  PageRequest,
} from '../../read-store.port';
import { checkLimit, decodeCursor, encodeCursor } from '../memory/page-cursor';
import { sortKeys, sortValues } from '../memory/sort-order';
import { bulkOperations, onlyStaleWrites, replaceOperations } from './bulk-operations';
import { afterFilter } from './page-filter';

const NAMESPACE_NOT_FOUND = 26;

/**
 * Where the position guard runs: 'server' puts it in each upsert's filter (atomic; MongoDB);
 * 'client' reads stored positions first (FerretDB 1.x, where a guarded filter scans the collection).
 */
export type PositionGuard = 'server' | 'client';

/** A read-model collection stored 1:1 as a MongoDB collection. */
export class MongoCollection<D extends Document> implements Collection<D> {
  constructor(
    readonly name: string,
    private readonly driver: DriverCollection<D>,
    private readonly writeConcern: WriteConcernSettings,
    private readonly guard: PositionGuard = 'server',
  ) {}

  async get(id: string): Promise<D | undefined> {
    return ((await this.driver.findOne(byId<D>(id))) as D | null) ?? undefined;
  }

  async getMany(ids: readonly string[]): Promise<ReadonlyMap<string, D>> {
    const found = new Map<string, D>();
    if (ids.length === 0) return found;
    const docs = await this.driver.find({ _id: { $in: [...ids] } } as DriverFilter<D>).toArray();
    for (const doc of docs as D[]) found.set(doc._id, doc);
    return found;
  }

  async find(request: PageRequest): Promise<Page<D>> {
    checkLimit(request.limit);
    const keys = sortKeys(request.sort);
    const after = request.cursor === undefined ? undefined : afterFilter(keys, decodeCursor(request.cursor, keys).values);
    const filter = and<D>(request.filter, after);
    // Object keys keep insertion order for non-numeric names, so this is an ordered sort.
    const sort: Sort = Object.fromEntries(keys.map((k) => [k.field, k.direction]));
    const docs = (await this.driver.find(filter, { sort, limit: request.limit + 1 }).toArray()) as D[];
    if (docs.length <= request.limit) return { items: docs };
    const items = docs.slice(0, request.limit);
    return { items, nextCursor: encodeCursor(sortValues(items[items.length - 1], keys)) };
  }

  async *findAll(filter?: Filter): AsyncIterable<D> {
    yield* this.driver.find(and(filter, undefined), { sort: { _id: 1 } }) as AsyncIterable<D>;
  }

  async count(filter?: Filter): Promise<number> {
    return this.driver.countDocuments(and(filter, undefined));
  }

  async bulkWrite(writes: readonly DocumentWrite<D>[]): Promise<void> {
    if (writes.length === 0) return;
    if (this.guard === 'client') return this.readThenWrite(writes);
    try {
      await this.driver.bulkWrite(bulkOperations(writes), { ordered: false, writeConcern: this.writeConcern });
    } catch (error) {
      if (!onlyStaleWrites(error)) throw error;
    }
  }

  private async readThenWrite(writes: readonly DocumentWrite<D>[]): Promise<void> {
    const ids = [...new Set(writes.map((w) => (w.kind === 'put' ? w.doc._id : w._id)))];
    const rows = await this.driver
      .find({ _id: { $in: ids } } as DriverFilter<D>, { projection: { _position: 1 } })
      .toArray();
    const stored = new Map(rows.map((r) => [String(r._id), Number(r._position ?? -Infinity)]));
    const ops = replaceOperations(writes, stored);
    if (ops.length > 0) await this.driver.bulkWrite(ops, { ordered: true, writeConcern: this.writeConcern });
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    if (indexes.length === 0) return;
    // Only the missing ones: FerretDB 1.24 drops the connection (a server panic) when asked
    // to create a compound index that already exists, and MongoDB is spared the no-op.
    const existing = new Set(await this.driver.listIndexes().toArray().then((found) => found.map((i) => String(i.name)), (error: unknown) => {
      if ((error as { code?: number }).code === NAMESPACE_NOT_FOUND) return [];
      throw error;
    }));
    const missing = indexes.filter((spec) => !existing.has(spec.fields.join('_')));
    if (missing.length === 0) return;
    await this.driver.createIndexes(
      missing.map((spec) => ({
        key: Object.fromEntries(spec.fields.map((field) => [field, 1])),
        name: spec.fields.join('_'),
        ...(spec.unique ? { unique: true } : {}),
      })),
    );
  }

  async drop(): Promise<void> {
    try {
      await this.driver.drop();
    } catch (error) {
      if ((error as { code?: number }).code !== NAMESPACE_NOT_FOUND) throw error;
    }
  }
}

const byId = <D>(id: string) => ({ _id: id }) as DriverFilter<D>;

function and<D>(filter: Filter | undefined, after: Record<string, unknown> | undefined): DriverFilter<D> {
  const parts = [filter, after].filter((p): p is Record<string, unknown> => !!p && Object.keys(p).length > 0);
  if (parts.length === 0) return {};
  return (parts.length === 1 ? parts[0] : { $and: parts }) as DriverFilter<D>;
}
