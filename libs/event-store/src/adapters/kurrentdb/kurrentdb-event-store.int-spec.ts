import { eventStoreContract } from '../../testing/event-store.contract';
import { namespacedStores } from './kurrentdb-contract-stores';

// A server someone runs already (a CI service, a developer's own): each test writes under its own namespace.
const url = process.env.KURRENTDB_URL;

if (!url) {
  describe.skip('KurrentDB contract (skipped: set KURRENTDB_URL, e.g. esdb://localhost:2113?tls=false, to run it against a KurrentDB server you run; the containers suite starts one where a container runtime answers)', () => {
    it('runs the event store contract against the server at KURRENTDB_URL', () => undefined);
  });
} else {
  eventStoreContract(`kurrentdb at ${url.replace(/\/\/[^@/]*@/, '//')}`, namespacedStores(() => url), { uniqueEventIdsAcrossStreams: false, contiguousPositions: false });
}
