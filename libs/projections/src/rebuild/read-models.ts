import { Collection, Document, ReadStore } from '@pl/read-store';
import { Projection, collectionOf } from '../projection';

/** A read model as queries name it: its projection's name and the version the code knows. */
export type ReadModelRef = Pick<Projection, 'name' | 'version'>;

/**
 * The live collection of each read model: where its alias points after a blue/green switch,
 * else the collection of the version the code knows. Aliases are cached; a switch made
 * through `switch` updates the cache at once, so the next query reads the new collection.
 */
export class ReadModels {
  private readonly cache = new Map<string, string>();

  constructor(private readonly store: ReadStore) {}

  /** The collection queries of this read model read now. */
  async live<D extends Document>(model: ReadModelRef): Promise<Collection<D>> {
    return this.store.collection<D>(await this.liveName(model));
  }

  /** The name of the live collection. */
  async liveName(model: ReadModelRef): Promise<string> {
    const cached = this.cache.get(model.name);
    if (cached !== undefined) return cached;
    const name = (await this.store.getAlias(model.name)) ?? collectionOf(model);
    this.cache.set(model.name, name);
    return name;
  }

  /** Points the read model at another collection, atomically for every later query. */
  async switch(name: string, collection: string): Promise<void> {
    await this.store.setAlias(name, collection);
    this.cache.set(name, collection);
  }
}
