import { randomUUID } from 'node:crypto';
import { EventStoreFactory } from '../../testing/contract-context';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * Fresh, empty stores on one shared server: each test writes under a namespace of its own, so
 * it sees an empty log without starting a server per test.
 */
export function namespacedStores(connectionString: () => string): EventStoreFactory {
  return async () => {
    const store = KurrentDbEventStore.connect({ connectionString: connectionString(), namespace: `t${randomUUID().replaceAll('-', '')}-` });
    return { store, cleanup: () => store.close() };
  };
}
