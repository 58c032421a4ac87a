import { readStoreContract } from '../../testing/read-store.contract';
import { freshDatabase } from './mongo-test-store';

// Test files read the environment directly: they choose which servers to test against.
const url = process.env.MONGODB_URL;

if (url) {
  // Both guard strategies run here, so the one MongoDB uses is covered on FerretDB too.
  readStoreContract(`mongodb at ${url}, position guard on the server`, freshDatabase(() => url, { positionGuard: 'server' }));
  readStoreContract(`mongodb at ${url}, position guard in the client`, freshDatabase(() => url, { positionGuard: 'client' }));
} else if (process.env.REQUIRE_MONGODB === '1') {
  describe('MongoDB adapter contract', () => {
    it('needs MONGODB_URL because REQUIRE_MONGODB=1', () => {
      throw new Error('REQUIRE_MONGODB=1 but MONGODB_URL is not set (start one with scripts/ferretdb.sh start)');
    });
  });
} else {
  describe.skip('MongoDB adapter contract (skipped: set MONGODB_URL, see scripts/ferretdb.sh)', () => {
    it('runs the read-store contract against a MongoDB-wire server', () => undefined);
  });
}
