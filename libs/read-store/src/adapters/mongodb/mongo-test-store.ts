import { randomUUID } from 'node:crypto';
import type { ReadStoreFactory } from '../../testing/read-store.contract';
import { MongoReadStore } from './mongo-read-store';

/** A store on a fresh `pl_test_<random>` database, dropped again by `cleanup`. */
export function freshDatabase(url: () => string): ReadStoreFactory {
  return async () => {
    const store = await MongoReadStore.connect(url(), `pl_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`);
    return {
      store,
      cleanup: async () => {
        await store.dropDatabase();
        await store.close();
      },
    };
  };
}
