import { eventStoreContract } from '../../testing/event-store.contract';
import { namespacedStores } from './kurrentdb-contract-stores';

// A server someone runs already (a CI service, a developer's own): each test writes under its own namespace.
const url = process.env.KURRENTDB_URL;

if (!url) {
  describe.skip('KurrentDB contract against KURRENTDB_URL: skipped, KURRENTDB_URL is not set', () => {
    it('runs the event store contract against the server at KURRENTDB_URL', () => undefined);
  });
} else {
  eventStoreContract(`kurrentdb at ${url.replace(/\/\/[^@/]*@/, '//')}`, namespacedStores(() => url), { uniqueEventIdsAcrossStreams: false, contiguousPositions: false });
}
