import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MasterKey } from '../master-key';
import { keyStoreContract } from '../testing/key-store.contract';
import { MongoKeyStore } from './mongo-key-store';

const url = process.env.MONGODB_URL;

if (!url) {
  // One clear line instead of a silent pass: this adapter needs a server.
  describe('MongoKeyStore', () => {
    it.skip('MongoDB key store contract (skipped: set MONGODB_URL to run it against MongoDB; scripts/ferretdb.sh start prints one)', () => {});
  });
} else {
  keyStoreContract('mongo', async () => {
    const client = await MongoClient.connect(url);
    const db = client.db(`pl_keys_${randomBytes(4).toString('hex')}`);
    const master = MasterKey.fromBase64(randomBytes(32).toString('base64'));
    const clock = { now: new Date('2026-01-01T00:00:00.000Z') };
    const open = async () => new MongoKeyStore(db, master, () => clock.now);
    return {
      store: await open(),
      clock,
      reopen: open,
      cleanup: async () => {
        await db.dropDatabase();
        await client.close();
      },
    };
  });
}
