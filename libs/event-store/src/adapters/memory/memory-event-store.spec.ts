import { eventStoreContract } from '../../testing/event-store.contract';
import { MemoryEventStore } from './memory-event-store';

eventStoreContract('memory', async () => {
  const store = new MemoryEventStore();
  return { store, cleanup: () => store.close() };
});
