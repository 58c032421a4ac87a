import { keyStoreContract } from '../testing/key-store.contract';
import { MemoryKeyStore } from './memory-key-store';

keyStoreContract('memory', async () => {
  const clock = { now: new Date('2026-01-01T00:00:00.000Z') };
  return { store: new MemoryKeyStore(() => clock.now), clock, cleanup: async () => {} };
});
