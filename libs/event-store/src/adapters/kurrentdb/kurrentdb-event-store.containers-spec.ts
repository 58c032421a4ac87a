import { KurrentDbContainer, type StartedKurrentDbContainer } from '@testcontainers/kurrentdb';
import { eventStoreContract } from '../../testing/event-store.contract';
import { namespacedStores } from './kurrentdb-contract-stores';

// CONTAINER_RUNTIME and its reason are set by the jest global setup's one-time probe.
const runtime = process.env.CONTAINER_RUNTIME;
// The image production runs; the module starts it insecure, one node, projections off.
const IMAGE = 'docker.kurrent.io/kurrent-latest/kurrentdb:25.1';

if (runtime === 'available') {
  let container: StartedKurrentDbContainer | undefined;
  beforeAll(async () => {
    container = await new KurrentDbContainer(IMAGE).start();
  }, 180_000);
  afterAll(async () => {
    await container?.stop();
  });
  // One server for the file; each test writes under a namespace of its own.
  eventStoreContract('kurrentdb 25.1 in a container', namespacedStores(() => container!.getConnectionString()), { uniqueEventIdsAcrossStreams: false, contiguousPositions: false });
} else if (process.env.REQUIRE_CONTAINERS === '1') {
  describe('KurrentDB adapter contract in a container', () => {
    it('needs a container runtime because REQUIRE_CONTAINERS=1', () => {
      throw new Error(`REQUIRE_CONTAINERS=1 but no container runtime: ${process.env.CONTAINER_RUNTIME_REASON ?? 'not probed'}`);
    });
  });
} else {
  const reason = process.env.CONTAINER_RUNTIME_REASON ?? 'not probed';
  describe.skip(`KurrentDB adapter contract in a container (skipped: no container runtime: ${reason})`, () => {
    it(`runs the event-store contract against ${IMAGE}`, () => undefined);
  });
}
