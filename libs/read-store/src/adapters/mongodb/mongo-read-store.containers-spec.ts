import { MongoDBContainer, type StartedMongoDBContainer } from '@testcontainers/mongodb';
import { readStoreContract } from '../../testing/read-store.contract';
import { freshDatabase } from './mongo-test-store';

// CONTAINER_RUNTIME and its reason are set by the jest global setup's one-time probe.
const runtime = process.env.CONTAINER_RUNTIME;

if (runtime === 'available') {
  let container: StartedMongoDBContainer | undefined;
  beforeAll(async () => {
    container = await new MongoDBContainer('mongo:8').start();
  }, 180_000);
  afterAll(async () => {
    await container?.stop();
  });
  // directConnection: the container's replica set advertises a host name only it can resolve.
  readStoreContract(
    'mongodb 8 in a container',
    freshDatabase(() => `${container!.getConnectionString()}?directConnection=true`),
  );
} else if (process.env.REQUIRE_CONTAINERS === '1') {
  describe('MongoDB adapter contract in a container', () => {
    it('needs a container runtime because REQUIRE_CONTAINERS=1', () => {
      throw new Error(`REQUIRE_CONTAINERS=1 but no container runtime: ${process.env.CONTAINER_RUNTIME_REASON ?? 'not probed'}`);
    });
  });
} else {
  const reason = process.env.CONTAINER_RUNTIME_REASON ?? 'not probed';
  describe.skip(`MongoDB adapter contract in a container (skipped: no container runtime: ${reason})`, () => {
    it('runs the read-store contract against mongo:8', () => undefined);
  });
}
