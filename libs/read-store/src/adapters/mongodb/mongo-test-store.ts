import { randomUUID } from 'node:crypto';
import type { ReadStoreFactory } from '../../testing/read-store.contract';
import { MongoReadStore, type MongoReadStoreOptions } from './mongo-read-store';

/** A store on a fresh `pl_test_<random>` database, dropped again by `cleanup`. */
export function freshDatabase(url: () => string, options: MongoReadStoreOptions = {}): ReadStoreFactory {
  return async () => {
    const name = `pl_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const store = await MongoReadStore.connect(url(), name, options);
    return {
      store,
      cleanup: async () => {
        await store.dropDatabase();
        await store.close();
      },
    };
  };
}
