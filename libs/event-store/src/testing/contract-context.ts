import { EventStore } from '../event-store.port';

/** Builds a fresh, empty store for one test and removes it afterwards. */
export type EventStoreFactory = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

/** The store under test, replaced before each test. */
export interface ContractContext {
  readonly store: EventStore;
}

/** Registers the before/after hooks that give every contract test its own store. */
export function useFreshStore(factory: EventStoreFactory): ContractContext {
  let current: Awaited<ReturnType<EventStoreFactory>> | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    get store(): EventStore {
      if (!current) throw new Error('the store is only available inside a test');
      return current.store;
    },
  };
}
